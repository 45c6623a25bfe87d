// title: Units of a measure
// description: The units assigned to a measure, by role. Name the measure by id, or by its number
//   (第22项 → "22") and optionally its document's file name; every measure that fits answers. Each
//   mention comes with its span in the document's text (span_start/span_end; the measure's text starts
//   at measure_start).
// param measure_id: string = "" -- the measure's id (mea:…); "" for any
// param number: string = "" -- the measure's own number as written ("22", "(五)", "一是"); "" for any
// param numbers: list = [] -- the forms the number may be written in (第(57)项 → "(57)", "57"); [] for any
// param source: string = "" -- the document's file name; "" for every document
// param section: string = "" -- only the measure at, or the measures under, this path ("二", "二/(四)"); "" for any
// param heading: string = "" -- only measures whose heading holds these words; "" for any
// param roles: roles = ["lead", "participate", "responsible"] -- roles to include
// param limit: int = 10000 -- rows to return at most (ask reports when an answer is cut)
// example: {"number": "9", "source": "suichang_2026_gongzuojihua.txt"}
MATCH (m:Measure)
WHERE ($measure_id = '' OR m.id = $measure_id)
  AND ($number = '' OR m.number = $number)
  AND (size($numbers) = 0 OR m.number IN $numbers)
  AND ($source = '' OR m.source = $source)
  AND ($section = '' OR m.path = $section OR m.path STARTS WITH ($section + '/'))
  AND ($heading = '' OR m.heading CONTAINS $heading)
MATCH (u:Unit)-[r:$roles]->(m)
WITH u, r, m,
     CASE type(r) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role
RETURN m.source AS source, m.path AS path, m.number AS number, m.heading AS heading, m.id AS measure_id,
       role, u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction, u.collective AS collective,
       r.mention AS mention, r.span_start AS span_start, r.span_end AS span_end,
       m.span_start AS measure_start, m.text AS text
ORDER BY source, path, measure_id, role, unit, mention
LIMIT $limit
