// title: Ids of the measures a unit leads
// description: The ids of the measures the unit leads (牵头), in id order: measure ids to try the
//   id-taking queries with (the console's examples).
// param unit: string -- the unit's name as stored
// param limit: int = 20 -- ids to return
// example: {"unit": "遂昌县司法局", "limit": 3}
MATCH (:Unit {name: $unit})-[:LEADS]->(m:Measure)
RETURN m.id AS measure_id
ORDER BY measure_id
LIMIT $limit
