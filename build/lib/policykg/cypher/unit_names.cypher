// title: Unit names
// description: Every unit with its kind, jurisdiction and whether it is a collective group (各乡镇(街道)),
//   issuers that hold no measure included.
MATCH (u:Unit)
RETURN u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction, u.collective AS collective
ORDER BY unit
