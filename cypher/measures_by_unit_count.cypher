// title: Measures by how many units they name
// description: Measures whose number of distinct units in the given roles lies between two bounds, both
//   included: 没有牵头单位的措施 (roles ["lead"], max_units 0), 牵头单位超过3个的措施 (min_units 4).
//   Collective groups (各乡镇(街道)) count as one unit each. The counts are kept on each measure at ingest
//   (lead_units, participate_units, responsible_units), so this is one scan of the measures.
// param roles: list = ["lead", "participate", "responsible"] -- roles whose units are counted
// param min_units: int = 0 -- fewest units
// param max_units: int = 1000000 -- most units
// param sources: list = [] -- documents (their sources) to keep; [] keeps every document
// param limit: int = 10000 -- rows to return at most (ask reports when an answer is cut)
// example: {"roles": ["lead"], "min_units": 2}
MATCH (m:Measure)
WITH m, CASE WHEN 'lead' IN $roles THEN m.lead_units ELSE 0 END
        + CASE WHEN 'participate' IN $roles THEN m.participate_units ELSE 0 END
        + CASE WHEN 'responsible' IN $roles THEN m.responsible_units ELSE 0 END AS units
WHERE units >= $min_units AND units <= $max_units AND (size($sources) = 0 OR m.source IN $sources)
WITH m.id AS page_id, units, m.source AS page_source, m.span_start AS page_start
ORDER BY page_source, page_start LIMIT $limit
MATCH (m:Measure {id: page_id})
RETURN m.source AS source, m.path AS path, m.number AS number, m.heading AS heading, m.id AS measure_id, units,
       m.deadline AS deadline, m.span_start AS measure_start, m.text AS text
ORDER BY source, measure_start
