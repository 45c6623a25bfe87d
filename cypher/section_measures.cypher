// title: Measures of a document under a section
// description: The measures of one document whose heading path is, or starts with, the section path
//   (labels joined with '/': "四" or "四/(七)"); "" gives every measure of the document.
// param source: string -- the document's file name
// param section: string = "" -- a heading path such as "四/(七)"
// param limit: int = 10000 -- rows to return at most (ask reports when an answer is cut)
// example: {"source": "songyang_2026_shishifangan.txt", "section": "四/(六)"}
MATCH (:Document {source: $source})-[:HAS*1..2]->(m:Measure)
WHERE $section = '' OR m.path = $section OR m.path STARTS WITH ($section + '/')
RETURN m.source AS source, m.path AS path, m.number AS number, m.heading AS heading, m.id AS measure_id,
       m.deadline AS deadline, m.span_start AS measure_start, m.text AS text
ORDER BY measure_start
LIMIT $limit
