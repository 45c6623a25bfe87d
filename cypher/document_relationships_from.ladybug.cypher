// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (:Document {id: $doc})-[:HAS*0..2]->(a)-[r]->(b)
RETURN a, b, label(r) AS type, r
ORDER BY a.id, type, b.id, r.mention
LIMIT $limit
