// title: Titles of documents
// description: The title of each document with one of the given ids, each looked up by key (UNWIND keeps
//   LadybugDB's key lookup; `id IN $ids` would read the whole table).
// param ids: list -- document ids (doc:…)
// example: {"ids": ["doc:7ca8cab053c2b435"]}
UNWIND $ids AS i
MATCH (d:Document {id: i})
RETURN d.id AS id, d.title AS title
ORDER BY id
