// title: Outline of a document
// description: The sections and measures of one document in the order the text has them (by span_start,
//   an offset into the document's text), with kind 'section' or 'measure'. Measures carry their id,
//   number, first deadline phrase and the spans of every deadline phrase (deadline_starts[i] to
//   deadline_ends[i]); sections have '' and [] there.
// param source: string -- the document's file name
// example: {"source": "suichang_2026_gongzuojihua.txt"}
MATCH (:Document {source: $source})-[:HAS*1..2]->(n)
RETURN CASE WHEN 'Measure' IN labels(n) THEN 'measure' ELSE 'section' END AS kind,
       n.path AS path, n.heading AS heading, n.span_start AS span_start, n.span_end AS span_end,
       CASE WHEN 'Measure' IN labels(n) THEN n.id ELSE '' END AS measure_id,
       coalesce(n.number, '') AS number, coalesce(n.deadline_text, '') AS deadline_text,
       coalesce(n.deadline_starts, []) AS deadline_starts, coalesce(n.deadline_ends, []) AS deadline_ends
ORDER BY span_start, kind DESC, path
