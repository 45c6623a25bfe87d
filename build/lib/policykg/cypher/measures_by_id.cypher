// title: Measures by id
// description: The measures with the given ids: where they sit and what they say.
// param ids: list -- measure ids (mea:…)
// example: {"ids": ["mea:17a9890b6117aea8"]}
MATCH (m:Measure)
WHERE m.id IN $ids
RETURN m.id AS measure_id, m.source AS source, m.path AS path, m.number AS number, m.heading AS heading,
       m.deadline AS deadline, m.deadline_text AS deadline_text, m.text AS text
ORDER BY source, path, measure_id
