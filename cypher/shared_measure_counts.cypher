// title: How many measures two units share, per pair
// description: Per pair of a unit of the first list and one of the second, the rows shared_measures
//   answers with (one per measure and pair of roles): its size before it is read, so an answer spanning
//   many jurisdictions can list a page.
// param units_a: list -- unit names of the first side
// param units_b: list -- unit names of the second side
// param roles: roles = ["lead", "participate", "responsible"] -- roles of the first side
// param roles_b: roles = ["lead", "participate", "responsible"] -- roles of the second side (县司法局牵头且县政府办参加: ["participate"])
// example: {"units_a": ["遂昌县司法局"], "units_b": ["遂昌县人民政府办公室"]}
MATCH (a:Unit)-[:$roles]->(m:Measure)<-[:$roles_b]-(b:Unit)
WHERE a.name IN $units_a AND b.name IN $units_b AND a.id <> b.id
RETURN a.jurisdiction AS jurisdiction, a.name AS unit, b.name AS partner, count(*) AS measures
ORDER BY jurisdiction, unit, partner
