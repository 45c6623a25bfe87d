// title: Unit names as written
// description: Every unit with each distinct way the documents wrote it in a responsibility clause
//   (mention "" for a unit that holds no measure): the names questions are linked against.
MATCH (u:Unit)
OPTIONAL MATCH (u)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(:Measure)
RETURN DISTINCT u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction, u.collective AS collective,
       coalesce(r.mention, '') AS mention
ORDER BY unit, mention
