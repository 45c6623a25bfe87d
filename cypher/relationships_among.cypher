// title: Relationships among nodes
// description: The relationships from the given nodes of one label to any of the given nodes, by the ids
//   of their ends: what the explorer draws between the nodes a Cypher result or an answer names. The ids
//   may be of any label; those of other labels are looked up and not found.
// param label: label -- the label of the relationships' start nodes
// param ids: list -- node ids; both ends of every relationship returned are among them
// example: {"label": "Unit", "ids": ["unit:ac105ac214a49455", "mea:5c1fdf9c474ba13c"]}
UNWIND $ids AS i
MATCH (a:$label {id: i})-[r]->(b)
WHERE b.id IN $ids
RETURN a.id AS start_id, b.id AS end_id, type(r) AS type, r
ORDER BY start_id, type, end_id, r.mention
