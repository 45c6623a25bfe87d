// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (a:Unit)-[ra:$roles]->(m:Measure)<-[rb:$roles_b]-(b:Unit)
WHERE a.name IN $units_a AND b.name IN $units_b AND a.id <> b.id
WITH a, b, m, ra, rb,
     CASE label(ra) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_a,
     CASE label(rb) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_b
RETURN a.jurisdiction AS jurisdiction, m.source AS source, m.path AS path, m.number AS number,
       m.heading AS heading, m.id AS measure_id,
       a.name AS unit_a, role_a, ra.mention AS mention_a, b.name AS unit_b, role_b, rb.mention AS mention_b,
       ra.span_start AS span_start_a, ra.span_end AS span_end_a, rb.span_start AS span_start_b,
       rb.span_end AS span_end_b, m.span_start AS measure_start, m.text AS text
ORDER BY jurisdiction, source, path, measure_id, unit_a, role_a, unit_b, role_b
LIMIT $limit
