// title: Relationships from nodes
// description: Every relationship leaving the given nodes of one label: the ids of its ends, its type and
//   the node at the other end (whole), the outgoing half of a neighbourhood in the explorer's graph (the
//   given nodes it reads once, with nodes_by_id). Each id is looked up by key; rows in a fixed order, so a
//   cut at `limit` is the same on every backend.
// param label: label -- the nodes' label (Document, Section, Measure, Unit, Instrument, Jurisdiction)
// param ids: list -- node ids of that label
// param limit: int = 3001 -- rows to return at most
// example: {"label": "Unit", "ids": ["unit:ac105ac214a49455"]}
UNWIND $ids AS i
MATCH (a:$label {id: i})-[r]->(b)
RETURN a.id AS start_id, b.id AS end_id, type(r) AS type, r, b AS other
ORDER BY start_id, type, end_id, r.mention
LIMIT $limit
