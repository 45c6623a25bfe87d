// title: Graph signature
// description: Node counts that change when documents are ingested or removed: the key under which
//   question answering caches the names it links against.
OPTIONAL MATCH (d:Document)
WITH count(d) AS documents
OPTIONAL MATCH (m:Measure)
WITH documents, count(m) AS measures
OPTIONAL MATCH (u:Unit)
WITH documents, measures, count(u) AS units
OPTIONAL MATCH (i:Instrument)
RETURN documents, measures, units, count(i) AS instruments
ORDER BY documents
