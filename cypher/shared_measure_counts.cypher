// title: How many measures two units share, per pair
// description: Per pair of a unit of the first list and one of the second, the rows shared_measures
//   answers with (one per measure and pair of roles): its size before it is read, so an answer spanning
//   many jurisdictions can list a page.
// param units_a: list -- unit names of the first side
// param units_b: list -- unit names of the second side
// param roles: list = ["lead", "participate", "responsible"] -- roles to include, on both sides
// param roles_b: list = [] -- roles of the second side when they differ (县司法局牵头且县政府办参加); [] for roles
// example: {"units_a": ["遂昌县司法局"], "units_b": ["遂昌县人民政府办公室"]}
MATCH (a:Unit)-[ra:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)<-[rb:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(b:Unit)
WHERE a.name IN $units_a AND b.name IN $units_b AND a.id <> b.id
WITH a, b,
     CASE type(ra) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_a,
     CASE type(rb) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_b
WHERE role_a IN $roles AND ((size($roles_b) = 0 AND role_b IN $roles) OR role_b IN $roles_b)
RETURN a.jurisdiction AS jurisdiction, a.name AS unit, b.name AS partner, count(*) AS measures
ORDER BY jurisdiction, unit, partner
