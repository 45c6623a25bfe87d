// title: Most-cited instruments
// description: Instruments ranked by the number of documents citing them (in a measure or elsewhere in
//   the text), then by citations; `measures` counts the citing measures.
// param kind: string = "" -- only instruments of this kind (法律, 行政法规, 地方性法规, 规章, 规范性文件, 党内法规, 规划); "" for all
// param limit: int = 20 -- rows to return
// example: {"limit": 10}
MATCH (x)-[:CITES]->(i:Instrument)
WHERE $kind = '' OR i.kind = $kind
WITH i, coalesce(x.document_id, x.id) AS document, x.document_id AS measure_document
RETURN i.title AS instrument, i.kind AS kind, count(DISTINCT document) AS documents, count(*) AS citations,
       count(measure_document) AS measures
ORDER BY documents DESC, citations DESC, instrument
LIMIT $limit
