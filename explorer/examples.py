"""Example statements for the Cypher console: plain read-only Cypher that runs on every backend."""

from __future__ import annotations

EXAMPLES: dict[str, str] = {
    "Measures a unit leads": (
        "MATCH (u:Unit)-[:LEADS]->(m:Measure)\nWHERE u.name CONTAINS '司法局'\n"
        "RETURN u.name AS unit, m.path AS path, m.heading AS heading\nORDER BY unit, path\nLIMIT 100"
    ),
    "Busiest lead units": (
        "MATCH (u:Unit)-[:LEADS]->(m:Measure)\nRETURN u.name AS unit, count(m) AS measures\n"
        "ORDER BY measures DESC\nLIMIT 20"
    ),
    "Most-cited instruments": (
        "MATCH (x)-[:CITES]->(i:Instrument)\nRETURN i.title AS instrument, i.kind AS kind, count(x) AS citations\n"
        "ORDER BY citations DESC\nLIMIT 20"
    ),
    "Measures with a deadline": (
        "MATCH (d:Document)-[:HAS*1..2]->(m:Measure)\nWHERE m.deadline <> ''\n"
        "RETURN d.title AS document, m.heading AS measure, m.deadline_text AS deadline, m.deadline AS date\n"
        "ORDER BY date"
    ),
    "A document and its units (graph)": (
        "MATCH (d:Document)-[:HAS*1..2]->(m:Measure)<-[:LEADS]-(u:Unit)\nRETURN d, m, u\nLIMIT 60"
    ),
    "Documents": (
        "MATCH (d:Document)\n"
        "RETURN d.title AS title, d.kind AS kind, d.jurisdiction AS jurisdiction, d.issued AS issued"
    ),
}
