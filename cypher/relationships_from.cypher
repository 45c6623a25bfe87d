// title: Relationships from nodes
// description: Every relationship leaving the given nodes of one label, with the nodes at both ends
//   (whole) and its type: the outgoing half of a neighbourhood in the explorer's graph. Each id is looked
//   up by key; rows in a fixed order, so a cut at `limit` is the same on every backend.
// param label: label -- the nodes' label (Document, Section, Measure, Unit, Instrument, Jurisdiction)
// param ids: list -- node ids of that label
// param limit: int = 3001 -- rows to return at most
// example: {"label": "Unit", "ids": ["unit:6fa8233fe723da6e"]}
UNWIND $ids AS i
MATCH (a:$label {id: i})-[r]->(b)
RETURN a, b, type(r) AS type, r
ORDER BY a.id, type, b.id, r.mention
LIMIT $limit
