// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (:Document {id: $doc})-[:HAS*0..2]->(b)<-[r]-(a)
WHERE label(r) <> 'HAS'
RETURN a, b, label(r) AS type, r
ORDER BY b.id, type, a.id, r.mention
LIMIT $limit
