// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (u:Unit)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)
WHERE $collective OR NOT u.collective
WITH u, m, CASE label(r) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role
WHERE role IN $roles
RETURN u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction,
       count(DISTINCT m.id) AS measures, count(DISTINCT m.source) AS documents
ORDER BY measures DESC, unit
LIMIT $limit
