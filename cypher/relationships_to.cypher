// title: Relationships into nodes
// description: Every relationship arriving at the given nodes of one label: the ids of its ends, its type
//   and the node at the other end (whole), the incoming half of a neighbourhood in the explorer's graph (the
//   given nodes it reads once, with nodes_by_id). Each id is looked up by key; rows in a fixed order, so a
//   cut at `limit` is the same on every backend.
// param label: label -- the nodes' label (Document, Section, Measure, Unit, Instrument, Jurisdiction)
// param ids: list -- node ids of that label
// param limit: int = 3001 -- rows to return at most
// example: {"label": "Measure", "ids": ["mea:5c1fdf9c474ba13c"]}
UNWIND $ids AS i
MATCH (a)-[r]->(b:$label {id: i})
RETURN a.id AS start_id, b.id AS end_id, type(r) AS type, r, a AS other
ORDER BY end_id, type, start_id, r.mention
LIMIT $limit
