// title: Documents
// description: Every document in the graph with its metadata and number of measures.
MATCH (m:Measure)
WITH m.document_id AS document_id, count(*) AS measures
MATCH (d:Document {id: document_id})
RETURN d.source AS source, d.title AS title, d.kind AS kind, d.jurisdiction AS jurisdiction,
       d.issued AS issued, d.doc_number AS doc_number, d.period AS period, measures
ORDER BY source
