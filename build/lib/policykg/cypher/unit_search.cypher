// title: Units by name or alias
// description: Units holding measures whose name, or a name the documents wrote for them in a
//   responsibility clause (县政府办 for 宁远县人民政府办公室), contains the text, busiest first, with the
//   number of measures they hold in all roles; "" lists the busiest units. The explorer's unit picker.
// param text: string = "" -- part of a unit's name or of a name written for it; "" for every unit
// param limit: int = 200 -- units to return
// example: {"text": "县政府办"}
MATCH (u:Unit)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(:Measure)
WITH u, count(r) AS measures, sum(CASE WHEN r.mention CONTAINS $text THEN 1 ELSE 0 END) AS written
WHERE $text = '' OR u.name CONTAINS $text OR written > 0
RETURN u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction, measures
ORDER BY measures DESC, unit
LIMIT $limit
