// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (u:Unit)
WHERE $collective OR NOT u.collective
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
WHERE CASE label(x) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END IN $roles
RETURN u.name AS unit, u.kind AS kind, u.jurisdiction AS jurisdiction, measures, count(DISTINCT m.document_id) AS documents,
       lead, participate, responsible
ORDER BY measures DESC, unit
