// title: Instruments per kind
// description: How many instruments the graph holds of each kind ("" for instruments of no known kind),
//   the most common kind first.
MATCH (i:Instrument)
RETURN coalesce(i.kind, '') AS kind, count(*) AS instruments
ORDER BY instruments DESC, kind
