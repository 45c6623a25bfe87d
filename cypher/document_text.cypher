// title: Text of a document
// description: The document's original text, which every span_start/span_end in the graph points into,
//   with its title. On LadybugDB the text is kept beside the store (graph/texts.py): d.text is "" there,
//   and text_document / text_fingerprint say which text graph.texts.fill_texts puts in its place.
// param source: string -- the document's file name
// example: {"source": "suichang_2026_gongzuojihua.txt"}
MATCH (d:Document {source: $source})
RETURN d.id AS id, d.source AS source, d.title AS title, d.text AS text,
       d.id AS text_document, d.fingerprint AS text_fingerprint
ORDER BY id
