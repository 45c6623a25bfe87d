// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (a:Unit)-[ra:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)<-[rb:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(b:Unit)
WHERE a.name IN $units_a AND b.name IN $units_b AND a.id <> b.id
WITH a, b,
     CASE label(ra) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_a,
     CASE label(rb) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_b
WHERE role_a IN $roles AND ((size($roles_b) = 0 AND role_b IN $roles) OR role_b IN $roles_b)
RETURN a.jurisdiction AS jurisdiction, a.name AS unit, b.name AS partner, count(*) AS measures
ORDER BY jurisdiction, unit, partner
