// LadybugDB dialect: a relationship's type is label(r) (there is no type()). The role filter stays after the
// WITH: in the MATCH's own WHERE, a test on both relationships' labels gives wrong counts in LadybugDB 0.22.
MATCH (a:Unit)-[ra:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)<-[rb:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(b:Unit)
WHERE a.name IN $units AND b.name IN $units AND a.name < b.name
WITH a, b, m,
     CASE label(ra) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_a,
     CASE label(rb) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_b
WHERE role_a IN $roles AND role_b IN $roles
RETURN a.name AS unit_a, b.name AS unit_b, count(DISTINCT m.id) AS measures
ORDER BY measures DESC, unit_a, unit_b
