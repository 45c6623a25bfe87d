// title: How many measures each unit has, by role
// description: Per unit and role, the number of distinct measures it is assigned to: the size of
//   unit_measures' answer before it is read, so an answer spanning many jurisdictions can list a page.
// param units: list -- unit names as stored, e.g. ["宁远县司法局"]
// param roles: list = ["lead", "participate", "responsible"] -- roles to include: lead (牵头), participate (参加/配合), responsible (责任单位)
// example: {"units": ["松阳县司法局", "遂昌县司法局"], "roles": ["lead"]}
MATCH (u:Unit)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)
WHERE u.name IN $units
WITH u, m,
     CASE type(r) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role
WHERE role IN $roles
RETURN u.jurisdiction AS jurisdiction, u.name AS unit, role, count(DISTINCT m.id) AS measures
ORDER BY jurisdiction, unit, role
