// title: Nodes by id
// description: The nodes of one label with the given ids, whole (every property): the nodes the explorer
//   draws a neighbourhood around, and those of a Cypher result. Each id is looked up by key (UNWIND, then
//   the labelled key), which is why the label is given: ids of other labels give no row.
// param label: label -- the nodes' label (Document, Section, Measure, Unit, Instrument, Jurisdiction)
// param ids: list -- node ids (doc:…, mea:…, unit:… as graph/ids.py makes them)
// example: {"label": "Unit", "ids": ["unit:ac105ac214a49455"]}
UNWIND $ids AS i
MATCH (n:$label {id: i})
RETURN n
ORDER BY n.id
