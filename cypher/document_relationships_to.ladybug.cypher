// LadybugDB dialect: a relationship's type is label(r) (there is no type()). The HAS relationships are
// left out after a WITH: in the MATCH's own WHERE the test on label(r) reads the whole relationship
// tables (1.4 s instead of 80 ms for a document of 100 measures at 100,000 measures). LadybugDB walks a
// relationship twice in one pattern where Neo4j does not, so without the test it would also return the
// HAS relationships the walk took.
MATCH (:Document {id: $doc})-[:HAS*0..2]->(b)<-[r]-(a)
WITH a, b, r
WHERE label(r) <> 'HAS'
RETURN a.id AS start_id, b.id AS end_id, label(r) AS type, r, a AS other
ORDER BY end_id, type, start_id, r.mention
LIMIT $limit
