// title: Relationships from a document and its parts
// description: Every relationship leaving the document, its sections or its measures: the ids of its
//   ends, its type and the node at the other end (whole), the outgoing half of a document's neighbourhood
//   in the explorer's graph, walked from the document's key in one statement (HAS*0..2 reaches the
//   document itself, its sections and its measures).
// param doc: string -- the document's id (doc:…)
// param limit: int = 3001 -- rows to return at most
// example: {"doc": "doc:e77cdaf4844c3b5c"}
MATCH (:Document {id: $doc})-[:HAS*0..2]->(a)-[r]->(b)
RETURN a.id AS start_id, b.id AS end_id, type(r) AS type, r, b AS other
ORDER BY start_id, type, end_id, r.mention
LIMIT $limit
