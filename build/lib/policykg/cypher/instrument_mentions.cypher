// title: Instrument titles as cited
// description: Every instrument with each distinct way the documents wrote its title when citing it.
MATCH (i:Instrument)
OPTIONAL MATCH ()-[c:CITES]->(i)
RETURN DISTINCT i.title AS instrument, i.kind AS kind, coalesce(c.mention, '') AS mention
ORDER BY instrument, mention
