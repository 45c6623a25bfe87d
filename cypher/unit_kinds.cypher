// title: Unit kinds
// description: Every kind of unit the graph holds (司法局, 财政局 …), "" for units of no known kind.
MATCH (u:Unit)
RETURN DISTINCT u.kind AS kind
ORDER BY kind
