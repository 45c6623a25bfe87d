// title: Units by measures led
// description: Units (collective groups left out) by the number of measures they lead (牵头), the most
//   first: one pass over the LEADS relationships (busiest_units counts every role of every unit).
// param limit: int = 20 -- units to return
// example: {"limit": 5}
MATCH (u:Unit)-[l:LEADS]->(:Measure)
WHERE NOT u.collective
RETURN u.name AS unit, count(l) AS measures
ORDER BY measures DESC, unit
LIMIT $limit
