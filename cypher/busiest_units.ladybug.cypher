// LadybugDB dialect: a relationship's type is label(r) (there is no type()). Each role is counted with a COUNT
// subquery (half the time of chained OPTIONAL MATCH … count()), and the top units are followed to their
// documents with OPTIONAL MATCH, which goes from each of them (a plain MATCH here joins the whole of the role
// tables): 0.47 s -> 0.13 s at a million measures. Every top unit holds a measure in the roles, so the rows
// are the same.
MATCH (u:Unit)
WHERE ($collective OR NOT u.collective) AND (size($jurisdictions) = 0 OR u.jurisdiction IN $jurisdictions)
WITH u, COUNT { MATCH (u)-[:LEADS]->(:Measure) } AS lead,
     COUNT { MATCH (u)-[:PARTICIPATES_IN]->(:Measure) } AS participate,
     COUNT { MATCH (u)-[:RESPONSIBLE_FOR]->(:Measure) } AS responsible
WITH u, lead, participate, responsible,
     CASE WHEN 'lead' IN $roles THEN lead ELSE 0 END + CASE WHEN 'participate' IN $roles THEN participate ELSE 0 END
     + CASE WHEN 'responsible' IN $roles THEN responsible ELSE 0 END AS measures
WHERE measures > 0
WITH u, lead, participate, responsible, measures
ORDER BY measures DESC, u.name
LIMIT $limit
OPTIONAL MATCH (u)-[x:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)
WHERE CASE label(x) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END IN $roles
RETURN u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction, measures, count(DISTINCT m.document_id) AS documents,
       lead, participate, responsible
ORDER BY measures DESC, unit
