// title: Units' degree in the co-assignment network
// description: For each given unit, how many other units it shares measures with in the given roles
//   (degree) and those shared measures summed over them (weighted degree); collective groups are left out,
//   as in co_assigned_units. Degree centrality read from the units' own measures, without building the
//   whole network. A unit that shares nothing has no row.
// param units: list -- unit names as stored
// param roles: list = ["lead", "participate", "responsible"] -- roles that count as assigned
// example: {"units": ["宁远县司法局", "宁远县人民政府办公室"]}
MATCH (a:Unit)-[ra:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)<-[rb:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(b:Unit)
WHERE a.name IN $units AND a.name <> b.name AND NOT b.collective
WITH a, b, m,
     CASE type(ra) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_a,
     CASE type(rb) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_b
WHERE role_a IN $roles AND role_b IN $roles
WITH a, b, count(DISTINCT m.id) AS shared
RETURN a.name AS unit, a.kind AS kind, a.jurisdiction AS jurisdiction, count(b) AS degree, sum(shared) AS weighted_degree
ORDER BY weighted_degree DESC, unit
