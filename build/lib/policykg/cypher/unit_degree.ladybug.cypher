// LadybugDB dialect: a relationship's type is label(r) (there is no type()). The role filter stays after the
// WITH: in the MATCH's own WHERE, a test on both relationships' labels gives wrong counts in LadybugDB 0.22.
// A sum of counts is a 128-bit integer there (a Decimal in Python), so it is cast back to a plain integer.
MATCH (a:Unit {id: $unit_id})-[ra:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)<-[rb:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(b:Unit)
WHERE a.name <> b.name AND NOT b.collective
WITH a, b, m,
     CASE label(ra) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_a,
     CASE label(rb) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_b
WHERE role_a IN $roles AND role_b IN $roles
WITH a, b, count(DISTINCT m.id) AS shared
RETURN a.name AS unit, a.kind AS kind, a.jurisdiction AS jurisdiction, count(b) AS degree,
       CAST(sum(shared) AS INT64) AS weighted_degree
ORDER BY unit
