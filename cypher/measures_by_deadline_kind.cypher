// title: Measures by the kind of deadline they have
// description: Measures with any deadline phrase (kind "any": 有期限的措施), with a recurring one and no
//   fixed date (kind "recurring": 每年第一季度, 每季度; not the ongoing 长期坚持, 持续推进), or with none
//   (kind "none": 没有期限的措施), with the first deadline phrase as written.
// param kind: string = "any" -- "any", "recurring" or "none"
// param sources: list = [] -- documents (their sources) to keep; [] keeps every document
// param limit: int = 10000 -- rows to return at most (ask reports when an answer is cut)
// example: {"kind": "recurring"}
MATCH (m:Measure)
WHERE (size($sources) = 0 OR m.source IN $sources)
  AND CASE $kind WHEN 'none' THEN size(m.deadline_starts) = 0
                 WHEN 'any' THEN size(m.deadline_starts) > 0
                 WHEN 'recurring' THEN size(m.deadline_starts) > 0 AND m.deadline = ''
                      AND NOT left(m.deadline_text, 2) IN ['长期', '持续', '常态', '常年', '長期', '持續', '常態']
                 ELSE false END
WITH m.id AS page_id, m.source AS page_source, m.span_start AS page_start
ORDER BY page_source, page_start LIMIT $limit
MATCH (m:Measure {id: page_id})
RETURN m.deadline AS deadline, m.deadline_text AS deadline_text, m.source AS source, m.path AS path,
       m.number AS number, m.heading AS heading, m.id AS measure_id, m.deadline_starts AS deadline_starts,
       m.deadline_ends AS deadline_ends, m.span_start AS measure_start, m.text AS text
ORDER BY source, measure_start
