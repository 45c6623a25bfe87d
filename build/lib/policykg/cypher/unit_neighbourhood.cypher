// title: A unit's neighbourhood
// description: The unit's measures and the other units on each of them, with both roles: the edges the
//   graph view draws around one unit. A measure nobody else holds gives one row with other_unit "".
// param unit: string -- the unit's name as stored
// param roles: list = ["lead", "participate", "responsible"] -- the unit's roles to follow
// param limit: int = 500 -- rows to return
// example: {"unit": "遂昌县审计局"}
MATCH (u:Unit {name: $unit})-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)
WITH u, m, CASE type(r) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role
WHERE role IN $roles
OPTIONAL MATCH (o:Unit)-[ro:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m)
WHERE o.id <> u.id
WITH u, m, role, o,
     CASE WHEN o IS NULL THEN '' WHEN type(ro) = 'LEADS' THEN 'lead'
          WHEN type(ro) = 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS other_role
RETURN u.name AS unit, role, m.id AS measure_id, m.source AS source, m.path AS path, m.number AS number,
       m.heading AS heading, coalesce(o.name, '') AS other_unit, coalesce(o.kind, '') AS other_kind,
       coalesce(o.jurisdiction, '') AS other_jurisdiction, coalesce(o.collective, false) AS other_collective,
       other_role
ORDER BY source, path, measure_id, role, other_unit, other_role
LIMIT $limit
