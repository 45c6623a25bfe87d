// title: A unit's degree in the co-assignment network
// description: How many other units the unit shares measures with in the given roles (degree) and those
//   shared measures summed over them (weighted degree); collective groups are left out, as in
//   co_assigned_units. Degree centrality read from the unit's own measures, without building the whole
//   network. The unit is given by id, so that it is found by key: from a set of names, LadybugDB joins
//   whole relationship tables (0.7 s for 25 busy units at a million measures, 0.3 s one by one by key). No
//   row when the unit shares nothing.
// param unit_id: string -- the unit's id (unit:…, made from its name by graph/ids.py)
// param roles: list = ["lead", "participate", "responsible"] -- roles that count as assigned
// example: {"unit_id": "unit:ac105ac214a49455"}
MATCH (a:Unit {id: $unit_id})-[ra:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]->(m:Measure)<-[rb:LEADS|PARTICIPATES_IN|RESPONSIBLE_FOR]-(b:Unit)
WHERE a.name <> b.name AND NOT b.collective
WITH a, b, m,
     CASE type(ra) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_a,
     CASE type(rb) WHEN 'LEADS' THEN 'lead' WHEN 'PARTICIPATES_IN' THEN 'participate' ELSE 'responsible' END AS role_b
WHERE role_a IN $roles AND role_b IN $roles
WITH a, b, count(DISTINCT m.id) AS shared
RETURN a.name AS unit, a.kind AS kind, a.jurisdiction AS jurisdiction, count(b) AS degree, sum(shared) AS weighted_degree
ORDER BY unit
