// title: Text of a document
// description: The document's original text, which every span_start/span_end in the graph points into,
//   with its title. On LadybugDB the text is kept beside the store (graph/texts.py): text is "" here and
//   graph.texts.fill_texts reads it by id and fingerprint.
// param source: string -- the document's file name
// example: {"source": "suichang_2026_gongzuojihua.txt"}
MATCH (d:Document {source: $source})
RETURN d.id AS id, d.source AS source, d.title AS title, d.fingerprint AS fingerprint, d.text AS text
ORDER BY id
