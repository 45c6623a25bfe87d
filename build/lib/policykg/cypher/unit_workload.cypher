// title: A unit's workload
// description: How many measures each unit leads, joins and answers for, per document.
// param units: list -- unit names as stored, e.g. ["宁远县司法局"]
// example: {"units": ["遂昌县司法局", "湘潭市雨湖区司法局"]}
MATCH (u:Unit)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)
WHERE u.name IN $units
WITH u, m.source AS source, type(r) AS rel
RETURN u.jurisdiction AS jurisdiction, u.name AS unit, source,
       count(CASE WHEN rel = 'LEADS' THEN 1 END) AS lead,
       count(CASE WHEN rel = 'PARTICIPATES_IN' THEN 1 END) AS participate,
       count(CASE WHEN rel = 'RESPONSIBLE_FOR' THEN 1 END) AS responsible,
       count(*) AS total
ORDER BY jurisdiction, unit, source
