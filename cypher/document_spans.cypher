// title: Mention spans of a document
// description: Every unit and instrument mention of one document, where the text has it: span_start and
//   span_end are offsets into the document's text (text[span_start:span_end] is the mention as written).
//   label is the role (lead, participate, responsible) or instrument; name the unit or instrument it
//   names; measure_id the measure it sits in ('' for a citation outside every measure). Deadlines are
//   the measures' own lists (document_outline). The Documents page highlights these.
// param source: string -- the document's file name
// example: {"source": "suichang_2026_gongzuojihua.txt"}
MATCH (:Document {source: $source})-[:HAS*0..2]->(x)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR|CITES]-(n)
RETURN CASE type(r) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate'
            WHEN 'RESPONSIBLE_FOR' THEN 'responsible' ELSE 'instrument' END AS label,
       r.span_start AS span_start, r.span_end AS span_end, r.mention AS mention,
       coalesce(n.name, n.title) AS name, CASE WHEN x.document_id IS NULL THEN '' ELSE x.id END AS measure_id
ORDER BY span_start, span_end, label, name, measure_id
