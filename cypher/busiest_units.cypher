// title: Busiest units
// description: Units ranked by the number of measures they hold in the given roles (哪些单位牵头的措施最多).
//   Collective groups (各乡镇(街道), 县政府其他有关部门) are left out unless asked for.
// param roles: list = ["lead", "participate", "responsible"] -- roles to count
// param collective: bool = false -- include collective groups
// param limit: int = 20 -- rows to return
// example: {"roles": ["lead"], "limit": 10}
MATCH (u:Unit)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)
WHERE $collective OR NOT u.collective
WITH u, m, CASE type(r) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role
WHERE role IN $roles
RETURN u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction,
       count(DISTINCT m.id) AS measures, count(DISTINCT m.source) AS documents
ORDER BY measures DESC, unit
LIMIT $limit
