// title: Units by name
// description: The units whose name contains the text ("" for every unit), by name, issuers that hold no
//   measure included: the graph page's unit picker (unit_search ranks units holding measures instead).
// param text: string = "" -- part of a unit's name; "" for every unit
// param limit: int = 200 -- units to return
// example: {"text": "司法局"}
MATCH (u:Unit)
WHERE $text = '' OR u.name CONTAINS $text
RETURN u.id AS id, u.name AS name
ORDER BY name, id
LIMIT $limit
