// title: Measures two units share
// description: Measures that both a unit of the first list and a unit of the second hold, in the given
//   roles, with each one's role and mention (县司法局和县政府办有哪些共同措施) and the mentions' spans in
//   the document's text (span_start_a … span_end_b; the measure's text starts at measure_start).
// param units_a: list -- unit names of the first side
// param units_b: list -- unit names of the second side
// param roles: roles = ["lead", "participate", "responsible"] -- roles of the first side
// param roles_b: roles = ["lead", "participate", "responsible"] -- roles of the second side (县司法局牵头且县政府办参加: ["participate"])
// param limit: int = 10000 -- rows to return at most (ask reports when an answer is cut)
// example: {"units_a": ["遂昌县司法局"], "units_b": ["遂昌县人民政府办公室"]}
MATCH (a:Unit)-[ra:$roles]->(m:Measure)<-[rb:$roles_b]-(b:Unit)
WHERE a.name IN $units_a AND b.name IN $units_b AND a.id <> b.id
WITH a, b, m, ra, rb,
     CASE type(ra) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_a,
     CASE type(rb) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_b
RETURN a.jurisdiction AS jurisdiction, m.source AS source, m.path AS path, m.number AS number,
       m.heading AS heading, m.id AS measure_id,
       a.name AS unit_a, role_a, ra.mention AS mention_a, b.name AS unit_b, role_b, rb.mention AS mention_b,
       ra.span_start AS span_start_a, ra.span_end AS span_end_a, rb.span_start AS span_start_b,
       rb.span_end AS span_end_b, m.span_start AS measure_start, m.text AS text
ORDER BY jurisdiction, source, path, measure_id, unit_a, role_a, unit_b, role_b
LIMIT $limit
