// title: Shortest path between two units
// description: Every shortest chain (up to 8 hops) from one unit to another through the measures they
//   hold and near-duplicate links between measures; each node shown by its name, or document and path.
// param unit_a: string -- the first unit's name as stored
// param unit_b: string -- the second unit's name as stored
// param limit: int = 20 -- paths to return
// example: {"unit_a": "遂昌县委组织部", "unit_b": "遂昌县审计局"}
MATCH (a:Unit {name: $unit_a}), (b:Unit {name: $unit_b})
MATCH p = allShortestPaths((a)-[:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR|SIMILAR_TO*..8]-(b))
WITH length(p) AS hops, [n IN nodes(p) | coalesce(n.name, n.source + ' ' + n.path)] AS steps
RETURN hops, reduce(route = head(steps), step IN tail(steps) | route + ' > ' + step) AS route, steps
ORDER BY hops, route
LIMIT $limit
