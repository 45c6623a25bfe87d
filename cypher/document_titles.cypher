// title: Titles of documents
// description: The title of each document with one of the given ids, each looked up by key (UNWIND keeps
//   LadybugDB's key lookup; `id IN $ids` would read the whole table).
// param ids: list -- document ids (doc:…)
// example: {"ids": ["doc:e77cdaf4844c3b5c"]}
UNWIND $ids AS i
MATCH (d:Document {id: i})
RETURN d.id AS id, d.title AS title
ORDER BY id
