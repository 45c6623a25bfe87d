// LadybugDB dialect: a relationship's type is label(r) (there is no type()). The given units' measures first,
// then the other units on each (OPTIONAL MATCH follows each measure; a plain MATCH joins all of a role table):
// 25 of the busiest units at a million measures, 1.4 s -> 0.5 s. (Testing both relationships' labels in one
// MATCH's WHERE would be faster still, but gives wrong counts in LadybugDB 0.22.) A sum of counts is a
// 128-bit integer there (a Decimal in Python), so it is cast back to a plain integer.
MATCH (a:Unit)-[ra:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)
WHERE a.name IN $units
  AND CASE label(ra) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END IN $roles
WITH DISTINCT a, m
OPTIONAL MATCH (m)<-[rb:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(b:Unit)
WHERE a.name <> b.name AND NOT b.collective
  AND CASE label(rb) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END IN $roles
WITH a, b, m
WHERE b IS NOT NULL
WITH a, b, count(DISTINCT m.id) AS shared
RETURN a.name AS unit, a.kind AS kind, a.jurisdiction AS jurisdiction, count(b) AS degree,
       CAST(sum(shared) AS INT64) AS weighted_degree
ORDER BY weighted_degree DESC, unit
