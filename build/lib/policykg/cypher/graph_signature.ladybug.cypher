// LadybugDB dialect: COUNT {} subqueries. The chain of OPTIONAL MATCH … WITH count() scans every table
// in one pipeline (19 ms at a million measures, on every question asked); four counts take 2 ms.
RETURN COUNT { MATCH (d:Document) } AS documents, COUNT { MATCH (m:Measure) } AS measures,
       COUNT { MATCH (u:Unit) } AS units, COUNT { MATCH (i:Instrument) } AS instruments
ORDER BY documents
