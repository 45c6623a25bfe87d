// title: Measures shared among given units
// description: Each pair of the given units that shares measures in the given roles (either unit in any of
//   them), with the number of measures the two share: co_assigned_units for a chosen set of units, read
//   from those units' own measures only, so it stays fast on a large graph (the explorer's heatmap).
// param units: list -- unit names as stored
// param roles: list = ["lead", "participate", "responsible"] -- roles that count as assigned
// example: {"units": ["遂昌县司法局", "遂昌县人民政府办公室", "遂昌县财政局", "遂昌县审计局"]}
MATCH (a:Unit)-[ra:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)<-[rb:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(b:Unit)
WHERE a.name IN $units AND b.name IN $units AND a.name < b.name
WITH a, b, m,
     CASE type(ra) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_a,
     CASE type(rb) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_b
WHERE role_a IN $roles AND role_b IN $roles
RETURN a.name AS unit_a, b.name AS unit_b, count(DISTINCT m.id) AS measures
ORDER BY measures DESC, unit_a, unit_b
