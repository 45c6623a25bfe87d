// title: Measures of a unit by role
// description: Every measure the given units are assigned to, one row per unit, measure and role, with
//   the unit's name as the responsibility clause wrote it (mention) and where: span_start/span_end in
//   the document's text, measure_start where the measure's text starts in it.
// param units: list -- unit names as stored, e.g. ["宁远县司法局"]; several units answer for all of them
// param roles: list = ["lead", "participate", "responsible"] -- roles to include: lead (牵头), participate (参加/配合), responsible (责任单位)
// param limit: int = 10000 -- rows to return at most (ask reports when an answer is cut)
// example: {"units": ["遂昌县司法局"], "roles": ["lead"]}
MATCH (u:Unit)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)
WHERE u.name IN $units
WITH u, r, m,
     CASE type(r) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role
WHERE role IN $roles
RETURN u.jurisdiction AS jurisdiction, u.name AS unit, role, r.mention AS mention, r.span_start AS span_start, r.span_end AS span_end,
       m.source AS source, m.path AS path, m.number AS number, m.heading AS heading, m.id AS measure_id,
       m.deadline AS deadline, m.span_start AS measure_start, m.text AS text
ORDER BY jurisdiction, unit, source, path, measure_id, role, mention
LIMIT $limit
