// title: Instruments
// description: Every instrument with its kind, by title: read off the nodes, not their citations.
MATCH (i:Instrument)
RETURN i.title AS title, i.kind AS kind
ORDER BY title
