// title: Instruments by citing measures
// description: Instruments by the number of measure citations they have, the most first: one pass over
//   the measures' CITES relationships (top_instruments also counts documents).
// param limit: int = 20 -- instruments to return
// example: {"limit": 5}
MATCH (:Measure)-[c:CITES]->(i:Instrument)
RETURN i.title AS instrument, i.kind AS kind, count(c) AS citations
ORDER BY citations DESC, instrument
LIMIT $limit
