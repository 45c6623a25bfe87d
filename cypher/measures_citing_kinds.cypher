// title: Measures citing instruments of given kinds
// description: Measures that cite an instrument of one of the kinds (引用了法律的措施: ["法律"]; 法律法规: 法律,
//   行政法规, 地方性法规), one row per measure and instrument cited, with the citation's span in the document's
//   text (span_start/span_end; the measure's text starts at measure_start).
// param kinds: list -- instrument kinds (法律, 行政法规, 地方性法规, 规章, 规范性文件, 党内法规, 规划)
// param sources: list = [] -- documents (their sources) to keep; [] keeps every document
// param limit: int = 10000 -- rows to return at most (ask reports when an answer is cut)
// example: {"kinds": ["法律"]}
MATCH (m:Measure)-[c:CITES]->(i:Instrument)
WHERE i.kind IN $kinds AND (size($sources) = 0 OR m.source IN $sources)
RETURN i.title AS instrument, i.kind AS kind, c.mention AS mention, c.span_start AS span_start,
       c.span_end AS span_end, m.source AS source, m.path AS path, m.number AS number, m.heading AS heading,
       m.id AS measure_id, m.span_start AS measure_start, m.text AS text
ORDER BY source, measure_start, instrument, mention
LIMIT $limit
