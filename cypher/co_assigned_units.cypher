// title: Co-assigned units
// description: Pairs of units that share measures in the given roles (either unit in any of them), with
//   the number of shared measures: the edges of the co-assignment graph. Collective groups are left out.
// param roles: roles = ["lead", "participate", "responsible"] -- roles that count as assigned
// param min_shared: int = 1 -- pairs sharing fewer measures are dropped
// param jurisdictions: list = [] -- only pairs whose first unit is of these jurisdictions; [] for all
// param limit: int = 10000000 -- pairs to return at most (the busiest first)
// example: {"min_shared": 2}
MATCH (a:Unit)-[:$roles]->(m:Measure)<-[:$roles]-(b:Unit)
WHERE a.name < b.name AND NOT a.collective AND NOT b.collective
  AND (size($jurisdictions) = 0 OR a.jurisdiction IN $jurisdictions)
WITH a, b, count(DISTINCT m.id) AS measures
WHERE measures >= $min_shared
RETURN a.name AS unit_a, a.kind AS kind_a, a.jurisdiction AS jurisdiction_a,
       b.name AS unit_b, b.kind AS kind_b, b.jurisdiction AS jurisdiction_b, measures
ORDER BY measures DESC, unit_a, unit_b
LIMIT $limit
