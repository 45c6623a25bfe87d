// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (u:Unit)-[ru:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)<-[ro:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(o:Unit)
WHERE u.name IN $units AND NOT o.collective AND o.id <> u.id
WITH u, o, m,
     CASE label(ru) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_u,
     CASE label(ro) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_o
WHERE role_u IN $roles AND role_o IN $roles
RETURN DISTINCT u.jurisdiction AS jurisdiction, u.name AS unit, o.name AS partner, m.source AS source, m.path AS path,
       m.id AS measure_id
ORDER BY jurisdiction, unit, partner, source, path, measure_id
LIMIT $limit
