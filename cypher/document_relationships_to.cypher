// title: Relationships into a document and its parts
// description: Every relationship arriving at the document, its sections or its measures from elsewhere
//   (units, instruments, near-duplicates): the ids of its ends, its type and the node at the other end
//   (whole), the incoming half of a document's neighbourhood in the explorer's graph, walked from the
//   document's key in one statement. The HAS relationships into its parts come from the document and its
//   sections: they are in document_relationships_from.
// param doc: string -- the document's id (doc:…)
// param limit: int = 3001 -- rows to return at most
// example: {"doc": "doc:e77cdaf4844c3b5c"}
MATCH (:Document {id: $doc})-[:HAS*0..2]->(b)<-[r]-(a)
WHERE type(r) <> 'HAS'
RETURN a.id AS start_id, b.id AS end_id, type(r) AS type, r, a AS other
ORDER BY end_id, type, start_id, r.mention
LIMIT $limit
