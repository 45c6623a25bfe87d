// title: Measures led by units of a name
// description: Each measure led (牵头) by a unit whose name contains the text, with the unit's name: a
//   first statement to run in the Cypher console.
// param text: string -- part of a unit's name
// param limit: int = 100 -- rows to return
// example: {"text": "司法局"}
// console: Measures a unit leads
MATCH (u:Unit)-[:LEADS]->(m:Measure)
WHERE u.name CONTAINS $text
RETURN u.name AS unit, m.path AS path, m.heading AS heading
ORDER BY unit, path
LIMIT $limit
