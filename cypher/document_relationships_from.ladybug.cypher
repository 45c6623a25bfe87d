// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (:Document {id: $doc})-[:HAS*0..2]->(a)-[r]->(b)
RETURN a.id AS start_id, b.id AS end_id, label(r) AS type, r, b AS other
ORDER BY start_id, type, end_id, r.mention
LIMIT $limit
