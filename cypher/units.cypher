// title: Units
// description: Every unit with its kind, jurisdiction and the number of measures it holds in each role
//   (issuers that hold no measure show zeros).
MATCH (u:Unit)
OPTIONAL MATCH (u)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(:Measure)
WITH u, CASE WHEN r IS NULL THEN '' ELSE type(r) END AS rel
RETURN u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction, u.collective AS collective,
       count(CASE WHEN rel = 'LEADS' THEN 1 END) AS lead,
       count(CASE WHEN rel = 'PARTICIPATES_IN' THEN 1 END) AS participate,
       count(CASE WHEN rel = 'RESPONSIBLE_FOR' THEN 1 END) AS responsible
ORDER BY jurisdiction, unit
