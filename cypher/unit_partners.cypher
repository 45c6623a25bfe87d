// title: Units sharing the most measures with a unit
// description: The units (collective groups left out) that hold measures together with the unit, in any
//   role, by the number of measures they share with it: whom a unit works with most.
// param unit: string -- the unit's name as stored
// param limit: int = 20 -- units to return
// example: {"unit": "遂昌县司法局", "limit": 5}
MATCH (u:Unit {name: $unit})-[:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)<-[:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(o:Unit)
WHERE NOT o.collective AND o.name <> u.name
RETURN o.name AS unit, count(DISTINCT m.id) AS measures
ORDER BY measures DESC, unit
LIMIT $limit
