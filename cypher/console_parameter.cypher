// title: Units of a kind
// description: The units of one kind (司法局 …) with their jurisdictions: the Cypher console's example of
//   a statement taking a $parameter.
// param kind: string -- a unit kind as stored (司法局, 财政局 …)
// example: {"kind": "司法局"}
// console: Units with a parameter
MATCH (u:Unit)
WHERE u.kind = $kind
RETURN u.name AS unit, u.jurisdiction AS jurisdiction
ORDER BY unit
