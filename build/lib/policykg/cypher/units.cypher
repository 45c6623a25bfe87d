// title: Units
// description: Every unit with its kind, jurisdiction and the number of measures it holds in each role
//   (issuers that hold no measure show zeros); each role counted on its own relationship type.
MATCH (u:Unit)
OPTIONAL MATCH (u)-[l:LEADS]->(:Measure)
WITH u, count(l) AS lead
OPTIONAL MATCH (u)-[p:PARTICIPATES_IN]->(:Measure)
WITH u, lead, count(p) AS participate
OPTIONAL MATCH (u)-[r:RESPONSIBLE_FOR]->(:Measure)
RETURN u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction, u.collective AS collective,
       lead, participate, count(r) AS responsible
ORDER BY jurisdiction, unit
