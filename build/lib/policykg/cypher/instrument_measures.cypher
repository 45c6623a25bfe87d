// title: Measures citing an instrument
// description: Every measure that cites one of the instruments, with the citation as written (mention)
//   and its span in the document's text (span_start/span_end; the measure's text starts at measure_start).
// param instruments: list -- canonical instrument titles, e.g. ["重大行政决策程序暂行条例"]
// param limit: int = 10000 -- rows to return at most (ask reports when an answer is cut)
// example: {"instruments": ["重大行政决策程序暂行条例"]}
MATCH (m:Measure)-[c:CITES]->(i:Instrument)
WHERE i.title IN $instruments
RETURN i.title AS instrument, i.kind AS kind, c.mention AS mention, c.span_start AS span_start,
       c.span_end AS span_end, m.source AS source, m.path AS path, m.number AS number, m.heading AS heading,
       m.id AS measure_id, m.span_start AS measure_start, m.text AS text
ORDER BY instrument, source, path, measure_id, mention
LIMIT $limit
