// title: Documents citing an instrument
// description: The documents that cite one of the instruments, with how many of their measures cite it
//   and how many citations they hold in all (measures plus the rest of the text).
// param instruments: list -- canonical instrument titles
// example: {"instruments": ["重大行政决策程序暂行条例"]}
MATCH (x)-[:CITES]->(i:Instrument)
WHERE i.title IN $instruments
WITH i, coalesce(x.document_id, x.id) AS document_id, x.document_id AS measure_document
MATCH (d:Document {id: document_id})
RETURN i.title AS instrument, d.source AS source, d.title AS title, d.kind AS kind,
       d.jurisdiction AS jurisdiction, count(measure_document) AS measures, count(*) AS citations
ORDER BY instrument, source
