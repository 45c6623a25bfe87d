// title: Busiest units
// description: Units ranked by the number of measures they hold in the given roles (哪些单位牵头的措施最多),
//   with their counts per role and the number of documents those measures come from. Each role is counted
//   on its own relationship type, which the database counts per unit without visiting the measures; only
//   the top units are then followed to their documents. Collective groups (各乡镇(街道)) are left out unless
//   asked for.
// param roles: list = ["lead", "participate", "responsible"] -- roles to count
// param collective: bool = false -- include collective groups
// param jurisdictions: list = [] -- only units of these jurisdictions (as stored: 湘潭市雨湖区); [] for all
// param limit: int = 20 -- rows to return
// example: {"roles": ["lead"], "limit": 10}
MATCH (u:Unit)
WHERE ($collective OR NOT u.collective) AND (size($jurisdictions) = 0 OR u.jurisdiction IN $jurisdictions)
OPTIONAL MATCH (u)-[l:LEADS]->(:Measure)
WITH u, count(l) AS lead
OPTIONAL MATCH (u)-[p:PARTICIPATES_IN]->(:Measure)
WITH u, lead, count(p) AS participate
OPTIONAL MATCH (u)-[r:RESPONSIBLE_FOR]->(:Measure)
WITH u, lead, participate, count(r) AS responsible
WITH u, lead, participate, responsible,
     CASE WHEN 'lead' IN $roles THEN lead ELSE 0 END + CASE WHEN 'participate' IN $roles THEN participate ELSE 0 END
     + CASE WHEN 'responsible' IN $roles THEN responsible ELSE 0 END AS measures
WHERE measures > 0
WITH u, lead, participate, responsible, measures
ORDER BY measures DESC, u.name
LIMIT $limit
MATCH (u)-[x:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)
WHERE CASE type(x) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END IN $roles
RETURN u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction, measures, count(DISTINCT m.document_id) AS documents,
       lead, participate, responsible
ORDER BY measures DESC, unit
