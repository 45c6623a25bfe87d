// title: Instruments by title
// description: The instruments whose title contains the text ("" for every instrument), by title: the
//   graph page's instrument picker.
// param text: string = "" -- part of an instrument's title; "" for every instrument
// param limit: int = 200 -- instruments to return
// example: {"text": "条例"}
MATCH (i:Instrument)
WHERE $text = '' OR i.title CONTAINS $text
RETURN i.id AS id, i.title AS title, i.kind AS kind
ORDER BY title, id
LIMIT $limit
