// LadybugDB dialect: a relationship's type is label(r) (there is no type()).
MATCH (:Document {source: $source})-[:HAS*0..2]->(x)-[r:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR|CITES]-(n)
RETURN CASE label(r) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate'
            WHEN 'RESPONSIBLE_FOR' THEN 'responsible' ELSE 'instrument' END AS label,
       r.span_start AS span_start, r.span_end AS span_end, r.mention AS mention,
       coalesce(n.name, n.title) AS name, CASE WHEN x.document_id IS NULL THEN '' ELSE x.id END AS measure_id
ORDER BY span_start, span_end, label, name, measure_id
