// title: Measure texts
// description: Every measure's id, document and text: the input of the near-duplicate computation.
MATCH (m:Measure)
RETURN m.id AS measure_id, m.document_id AS document_id, m.source AS source, m.text AS text
ORDER BY measure_id
