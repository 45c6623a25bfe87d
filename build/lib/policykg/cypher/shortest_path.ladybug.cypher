// LadybugDB dialect: ALL SHORTEST inside the pattern instead of allShortestPaths(), and list_transform
// and list_reduce with lambdas instead of a list comprehension and reduce().
MATCH p = (a:Unit)-[:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR|SIMILAR_TO* ALL SHORTEST 1..8]-(b:Unit)
WHERE a.name = $unit_a AND b.name = $unit_b
WITH length(p) AS hops, list_transform(nodes(p), n -> coalesce(n.name, n.source + ' ' + n.path)) AS steps
RETURN hops, list_reduce(steps, (route, step) -> route + ' > ' + step) AS route, steps
ORDER BY hops, route
LIMIT $limit
