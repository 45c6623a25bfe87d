// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (m:Measure)
WHERE ($measure_id = '' OR m.id = $measure_id)
  AND ($number = '' OR m.number = $number)
  AND (size($numbers) = 0 OR m.number IN $numbers)
  AND ($source = '' OR m.source = $source)
  AND ($section = '' OR m.path = $section OR m.path STARTS WITH ($section + '/'))
  AND ($heading = '' OR m.heading CONTAINS $heading)
MATCH (u:Unit)-[r:$roles]->(m)
WITH u, r, m,
     CASE label(r) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role
RETURN m.source AS source, m.path AS path, m.number AS number, m.heading AS heading, m.id AS measure_id,
       role, u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction, u.collective AS collective,
       r.mention AS mention, r.span_start AS span_start, r.span_end AS span_end,
       m.span_start AS measure_start, m.text AS text
ORDER BY source, path, measure_id, role, unit, mention
LIMIT $limit
