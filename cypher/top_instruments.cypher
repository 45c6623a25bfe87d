// title: Most-cited instruments
// description: Instruments ranked by the number of documents citing them (in a measure or elsewhere in
//   the text), then by citations — or, with by = "citations", by citations first; `measures` counts the
//   citing measures.
// param kind: string = "" -- only instruments of this kind (法律, 行政法规, 地方性法规, 规章, 规范性文件, 党内法规, 规划); "" for all
// param kinds: list = [] -- only instruments of one of these kinds (法律法规 → 法律, 行政法规, 地方性法规); [] for all
// param sources: list = [] -- only citations in these documents (their sources); [] for all
// param by: string = "documents" -- rank by "documents" (citing documents first) or "citations" (citations first)
// param limit: int = 20 -- rows to return
// example: {"limit": 10}
MATCH (x)-[:CITES]->(i:Instrument)
WHERE ($kind = '' OR i.kind = $kind) AND (size($kinds) = 0 OR i.kind IN $kinds)
  AND (size($sources) = 0 OR x.source IN $sources)
WITH i, coalesce(x.document_id, x.id) AS document, x.document_id AS measure_document
WITH i, count(DISTINCT document) AS documents, count(*) AS citations, count(measure_document) AS measures
RETURN i.title AS instrument, i.kind AS kind, documents, citations, measures
ORDER BY CASE WHEN $by = 'citations' THEN citations ELSE documents END DESC,
         CASE WHEN $by = 'citations' THEN documents ELSE citations END DESC, instrument
LIMIT $limit
