// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (a:Unit)-[ra:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)<-[rb:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(b:Unit)
WHERE a.name < b.name AND NOT a.collective AND NOT b.collective
WITH a, b, m,
     CASE label(ra) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_a,
     CASE label(rb) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_b
WHERE role_a IN $roles AND role_b IN $roles
WITH a, b, count(DISTINCT m.id) AS measures
WHERE measures >= $min_shared
RETURN a.name AS unit_a, a.kind AS kind_a, a.jurisdiction AS jurisdiction_a,
       b.name AS unit_b, b.kind AS kind_b, b.jurisdiction AS jurisdiction_b, measures
ORDER BY measures DESC, unit_a, unit_b
