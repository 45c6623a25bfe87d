// LadybugDB dialect: a node's label is label(n) (there is no labels()), and an empty list literal needs
// its type to stand beside an INT64[] column in coalesce.
MATCH (:Document {source: $source})-[:HAS*1..2]->(n)
RETURN CASE WHEN label(n) = 'Measure' THEN 'measure' ELSE 'section' END AS kind,
       n.path AS path, n.heading AS heading, n.span_start AS span_start, n.span_end AS span_end,
       CASE WHEN label(n) = 'Measure' THEN n.id ELSE '' END AS measure_id,
       coalesce(n.number, '') AS number, coalesce(n.deadline_text, '') AS deadline_text,
       coalesce(n.deadline_starts, CAST([] AS INT64[])) AS deadline_starts,
       coalesce(n.deadline_ends, CAST([] AS INT64[])) AS deadline_ends
ORDER BY span_start, kind DESC, path
