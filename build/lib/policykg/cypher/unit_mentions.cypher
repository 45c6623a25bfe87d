// title: Unit names as written
// description: Each distinct way the documents wrote a unit in a responsibility clause, with how often:
//   the short forms questions are linked against (with unit_names for the units themselves).
// param units: list = [] -- only these units (names as stored); [] for every unit
MATCH (u:Unit)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(:Measure)
WHERE size($units) = 0 OR u.name IN $units
WITH u, r.mention AS mention, count(*) AS uses
RETURN u.name AS unit, mention, uses
ORDER BY unit, mention
