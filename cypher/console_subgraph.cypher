// title: Documents, their measures and lead units
// description: Documents with their measures and the units leading them, returned as nodes: the Cypher
//   console's example whose result its Graph tab draws.
// param limit: int = 60 -- rows to return
// example: {"limit": 60}
// console: A document's measures and lead units (graph)
MATCH (d:Document)-[:HAS*1..2]->(m:Measure)<-[:LEADS]-(u:Unit)
RETURN d, m, u
ORDER BY d.id, m.id, u.id
LIMIT $limit
