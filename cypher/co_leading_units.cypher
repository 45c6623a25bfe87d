// title: Units that co-lead the most measures
// description: Pairs of units named together as 牵头单位 of the same measure, by the number of such measures.
//   Only LEADS, so the database joins one relationship table with itself; collective groups are left out.
// param jurisdictions: list = [] -- only pairs whose first unit is of these jurisdictions; [] for all
// param limit: int = 20 -- pairs to return
// example: {"limit": 10}
MATCH (a:Unit)-[:LEADS]->(m:Measure)<-[:LEADS]-(b:Unit)
WHERE a.name < b.name AND NOT a.collective AND NOT b.collective
  AND (size($jurisdictions) = 0 OR a.jurisdiction IN $jurisdictions)
RETURN a.name AS unit_a, b.name AS unit_b, a.jurisdiction AS jurisdiction, count(*) AS measures
ORDER BY measures DESC, unit_a, unit_b
LIMIT $limit
