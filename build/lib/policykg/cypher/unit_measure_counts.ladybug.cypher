// LadybugDB dialect: a relationship's type is label(r) (there is no type()); the role filter sits in the
// MATCH's WHERE, as in unit_measures.
MATCH (u:Unit)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)
WHERE u.name IN $units
  AND CASE label(r) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END IN $roles
WITH u, m,
     CASE label(r) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role
RETURN u.jurisdiction AS jurisdiction, u.name AS unit, role, count(DISTINCT m.id) AS measures
ORDER BY jurisdiction, unit, role
