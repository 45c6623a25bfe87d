// title: Relationships into nodes
// description: Every relationship arriving at the given nodes of one label, with the nodes at both ends
//   (whole) and its type: the incoming half of a neighbourhood in the explorer's graph. Each id is looked
//   up by key; rows in a fixed order, so a cut at `limit` is the same on every backend.
// param label: label -- the nodes' label (Document, Section, Measure, Unit, Instrument, Jurisdiction)
// param ids: list -- node ids of that label
// param limit: int = 3001 -- rows to return at most
// example: {"label": "Measure", "ids": ["mea:fcc1b9a4ed22f529"]}
UNWIND $ids AS i
MATCH (a)-[r]->(b:$label {id: i})
RETURN a, b, type(r) AS type, r
ORDER BY b.id, type, a.id, r.mention
LIMIT $limit
