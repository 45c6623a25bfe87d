// LadybugDB dialect: each role counted with a COUNT subquery from the measure (no OPTIONAL MATCH chain).
MATCH (m:Measure)
WITH m, COUNT { MATCH (:Unit)-[:LEADS]->(m) } AS lead, COUNT { MATCH (:Unit)-[:PARTICIPATES_IN]->(m) } AS participate,
     COUNT { MATCH (:Unit)-[:RESPONSIBLE_FOR]->(m) } AS responsible
WITH m, CASE WHEN 'lead' IN $roles THEN lead ELSE 0 END + CASE WHEN 'participate' IN $roles THEN participate ELSE 0 END
        + CASE WHEN 'responsible' IN $roles THEN responsible ELSE 0 END AS units
WHERE units >= $min_units AND units <= $max_units
RETURN m.source AS source, m.path AS path, m.number AS number, m.heading AS heading, m.id AS measure_id, units,
       m.deadline AS deadline, m.text AS text
ORDER BY source, path, measure_id
LIMIT $limit
