// LadybugDB dialect: a relationship's type is label(r) (there is no type()), and the relationships are
// followed with OPTIONAL MATCH from each node found by key (a plain MATCH after the UNWIND joins the
// whole relationship tables).
UNWIND $ids AS i
MATCH (a:$label {id: i})
OPTIONAL MATCH (a)-[r]->(b)
WITH a, r, b
WHERE r IS NOT NULL AND b.id IN $ids
RETURN a.id AS start_id, b.id AS end_id, label(r) AS type, r
ORDER BY start_id, type, end_id, r.mention
