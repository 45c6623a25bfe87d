// title: Documents by title or file name
// description: Documents whose title or file name contains the text ("" for every document), by title,
//   with their metadata: the explorer's document picker.
// param text: string = "" -- part of a title or file name; "" for every document
// param limit: int = 200 -- documents to return at most
// example: {"text": "遂昌县"}
MATCH (d:Document)
WHERE $text = '' OR d.title CONTAINS $text OR d.source CONTAINS $text
RETURN d.id AS id, d.title AS title, d.kind AS kind, d.jurisdiction AS jurisdiction, d.issued AS issued,
       d.doc_number AS doc_number, d.period AS period, d.source AS source
ORDER BY title, id
LIMIT $limit
