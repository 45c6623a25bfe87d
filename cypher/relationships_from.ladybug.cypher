// LadybugDB dialect: a relationship's type is label(r) (there is no type()). The relationships are
// followed with OPTIONAL MATCH from each node found by key: a plain MATCH after the UNWIND joins the whole
// relationship tables (1.2 s for 50 measures at 100,000 measures; this form 45 ms, a statement per node 140 ms).
UNWIND $ids AS i
MATCH (a:$label {id: i})
OPTIONAL MATCH (a)-[r]->(b)
WITH a, r, b
WHERE r IS NOT NULL
RETURN a.id AS start_id, b.id AS end_id, label(r) AS type, r, b AS other
ORDER BY start_id, type, end_id, r.mention
LIMIT $limit
