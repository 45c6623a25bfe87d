// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (u:Unit)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)
WHERE u.name IN $units
WITH u, m.source AS source, label(r) AS rel
RETURN u.jurisdiction AS jurisdiction, u.name AS unit, source,
       count(CASE WHEN rel = 'LEADS' THEN 1 END) AS lead,
       count(CASE WHEN rel = 'PARTICIPATES_IN' THEN 1 END) AS participate,
       count(CASE WHEN rel = 'RESPONSIBLE_FOR' THEN 1 END) AS responsible,
       count(*) AS total
ORDER BY jurisdiction, unit, source
