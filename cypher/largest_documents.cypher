// title: Largest documents
// description: Documents by the number of sections and measures directly under them (their HAS
//   relationships), the largest first.
// param limit: int = 20 -- documents to return
// example: {"limit": 5}
MATCH (d:Document)-[h:HAS]->()
RETURN d.id AS id, d.source AS source, d.title AS title, count(h) AS parts
ORDER BY parts DESC, source
LIMIT $limit
