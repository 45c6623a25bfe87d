// title: Partners of a unit in given roles
// description: The units (collective groups left out) that hold measures together with the units, both
//   in the given roles, by the number of measures they share: 县政府办和哪些单位一起牵头 (roles ["lead"]).
//   One row per unit, partner and shared measure (ask counts them per partner), so a short name over
//   several jurisdictions answers for each.
// param units: list -- unit names as stored
// param roles: roles = ["lead", "participate", "responsible"] -- roles both must hold in a measure
// param limit: int = 10000 -- rows to return at most (ask reports when an answer is cut)
// example: {"units": ["遂昌县人民政府办公室"], "roles": ["lead"]}
MATCH (u:Unit)-[:$roles]->(m:Measure)<-[:$roles]-(o:Unit)
WHERE u.name IN $units AND NOT o.collective AND o.id <> u.id
RETURN DISTINCT u.jurisdiction AS jurisdiction, u.name AS unit, o.name AS partner, m.source AS source, m.path AS path,
       m.id AS measure_id
ORDER BY jurisdiction, unit, partner, source, path, measure_id
LIMIT $limit
