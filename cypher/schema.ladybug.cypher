// policykg graph schema for LadybugDB (Kùzu dialect): node and relationship tables.
// Run statement by statement on first open (graph/ladybug_store.py). Keep in step with graph/schema.py.
// `IN` is a keyword in this dialect: write it with backticks in every query (Neo4j accepts that too).
// Spans are span_start/span_end, offsets into Document.text (`end` is a keyword here too).

CREATE NODE TABLE IF NOT EXISTS Document(id STRING PRIMARY KEY, title STRING, kind STRING, jurisdiction STRING, issued STRING, doc_number STRING, period STRING, source STRING, text STRING, fingerprint STRING);
CREATE NODE TABLE IF NOT EXISTS Section(id STRING PRIMARY KEY, path STRING, heading STRING, span_start INT64, span_end INT64, document_id STRING, source STRING);
CREATE NODE TABLE IF NOT EXISTS Measure(id STRING PRIMARY KEY, number STRING, path STRING, heading STRING, text STRING, span_start INT64, span_end INT64, deadline STRING, deadline_text STRING, deadline_starts INT64[], deadline_ends INT64[], lead_units INT64, participate_units INT64, responsible_units INT64, document_id STRING, source STRING);
CREATE NODE TABLE IF NOT EXISTS Unit(id STRING PRIMARY KEY, name STRING, kind STRING, jurisdiction STRING, collective BOOLEAN);
CREATE NODE TABLE IF NOT EXISTS Jurisdiction(id STRING PRIMARY KEY, name STRING, level STRING);
CREATE NODE TABLE IF NOT EXISTS Instrument(id STRING PRIMARY KEY, title STRING, kind STRING);

CREATE REL TABLE IF NOT EXISTS HAS(FROM Document TO Section, FROM Section TO Measure, FROM Document TO Measure);
CREATE REL TABLE IF NOT EXISTS LEADS(FROM Unit TO Measure, mention STRING, span_start INT64, span_end INT64);
CREATE REL TABLE IF NOT EXISTS PARTICIPATES_IN(FROM Unit TO Measure, mention STRING, span_start INT64, span_end INT64);
CREATE REL TABLE IF NOT EXISTS RESPONSIBLE_FOR(FROM Unit TO Measure, mention STRING, span_start INT64, span_end INT64);
CREATE REL TABLE IF NOT EXISTS CITES(FROM Measure TO Instrument, FROM Document TO Instrument, mention STRING, span_start INT64, span_end INT64);
CREATE REL TABLE IF NOT EXISTS ISSUED_BY(FROM Document TO Unit);
CREATE REL TABLE IF NOT EXISTS `IN`(FROM Unit TO Jurisdiction, FROM Jurisdiction TO Jurisdiction);
CREATE REL TABLE IF NOT EXISTS SIMILAR_TO(FROM Measure TO Measure, score DOUBLE);
CREATE REL TABLE IF NOT EXISTS INGESTED_AS(FROM Instrument TO Document);

// The store's schema version (graph/schema.py SCHEMA_VERSION), one node: checked on every open.
CREATE NODE TABLE IF NOT EXISTS StoreSchema(id STRING PRIMARY KEY, version INT64);
