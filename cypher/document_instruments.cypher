// title: Instruments a document cites
// description: One row per citation in the document: in a measure (with its path) or elsewhere in the
//   text (path ""), with the citation as written and its span in the document's text. HAS*0..2 reaches
//   the document itself and its measures; text is the measure's text, or the document's for a citation
//   outside every measure, and measure_start where that text starts (0 for the document's);
//   text_document / text_fingerprint name the document whose text it is (graph/texts.py), "" for a measure's.
// param source: string -- the document's file name
// param kind: string = "" -- only instruments of this kind; "" for all
// param kinds: list = [] -- only instruments of one of these kinds (法律法规 → 法律, 行政法规, 地方性法规); [] for all
// param limit: int = 10000 -- rows to return at most (ask reports when an answer is cut)
// example: {"source": "suichang_2026_gongzuojihua.txt"}
MATCH (d:Document {source: $source})-[:HAS*0..2]->(x)-[c:CITES]->(i:Instrument)
WHERE ($kind = '' OR i.kind = $kind) AND (size($kinds) = 0 OR i.kind IN $kinds)
RETURN i.title AS instrument, i.kind AS kind, c.mention AS mention, c.span_start AS span_start,
       c.span_end AS span_end, d.source AS source,
       coalesce(x.path, '') AS path, coalesce(x.number, '') AS number, coalesce(x.heading, '') AS heading,
       CASE WHEN x.document_id IS NULL THEN '' ELSE x.id END AS measure_id,
       coalesce(x.span_start, 0) AS measure_start, coalesce(x.text, '') AS text,
       CASE WHEN x.document_id IS NULL THEN d.id ELSE '' END AS text_document,
       CASE WHEN x.document_id IS NULL THEN d.fingerprint ELSE '' END AS text_fingerprint
ORDER BY instrument, path, measure_id, mention
LIMIT $limit
