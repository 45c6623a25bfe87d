// title: Near-duplicate measures across documents
// description: Pairs of measures in different documents whose texts are near-duplicates (SIMILAR_TO,
//   written by `policykg overlap`), by similarity score.
// param min_score: float = 0.0 -- lowest score to show (0-1)
// param limit: int = 100 -- pairs to return
// example: {"min_score": 0.3}
MATCH (a:Measure)-[s:SIMILAR_TO]->(b:Measure)
WHERE s.score >= $min_score
RETURN s.score AS score, a.source AS source_a, a.path AS path_a, a.heading AS heading_a, a.id AS measure_a,
       b.source AS source_b, b.path AS path_b, b.heading AS heading_b, b.id AS measure_b
ORDER BY score DESC, source_a, path_a, source_b, path_b
LIMIT $limit
