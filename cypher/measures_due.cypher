// title: Measures due in a period
// description: Measures whose (first dated) deadline falls between two ISO dates, both included, with
//   the spans of their deadline phrases in the document's text (deadline_starts[i] to deadline_ends[i];
//   the measure's text starts at measure_start).
// param date_from: string = "0000-01-01" -- first day of the period (YYYY-MM-DD)
// param date_to: string = "9999-12-31" -- last day of the period (YYYY-MM-DD)
// param sources: list = [] -- documents (their sources) to keep; [] keeps every document
// param limit: int = 10000 -- rows to return at most (ask reports when an answer is cut)
// example: {"date_from": "2026-01-01", "date_to": "2026-12-31"}
MATCH (m:Measure)
WHERE m.deadline <> '' AND m.deadline >= $date_from AND m.deadline <= $date_to
  AND (size($sources) = 0 OR m.source IN $sources)
WITH m.id AS page_id, m.deadline AS page_deadline, m.source AS page_source, m.span_start AS page_start
ORDER BY page_deadline, page_source, page_start LIMIT $limit
MATCH (m:Measure {id: page_id})
RETURN m.deadline AS deadline, m.deadline_text AS deadline_text, m.source AS source, m.path AS path,
       m.number AS number, m.heading AS heading, m.id AS measure_id, m.deadline_starts AS deadline_starts,
       m.deadline_ends AS deadline_ends, m.span_start AS measure_start, m.text AS text
ORDER BY deadline, source, measure_start
