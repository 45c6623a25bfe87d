// policykg graph schema for Neo4j 5: one uniqueness constraint on `id` per node label.
// Neo4j needs no table DDL; the constraints also give the loader's MATCH/MERGE on id an index.
// Run statement by statement (graph/bolt.py). Keep in step with graph/schema.py.
// The store's schema version sits on one (:StoreSchema {id, version}) node, checked on every open.

CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT section_id IF NOT EXISTS FOR (n:Section) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (n:Measure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT jurisdiction_id IF NOT EXISTS FOR (n:Jurisdiction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT instrument_id IF NOT EXISTS FOR (n:Instrument) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT store_schema_id IF NOT EXISTS FOR (n:StoreSchema) REQUIRE n.id IS UNIQUE;

// Lookups the loader makes by property: a document's sections and measures, titles for INGESTED_AS.
CREATE INDEX section_document IF NOT EXISTS FOR (n:Section) ON (n.document_id);
CREATE INDEX measure_document IF NOT EXISTS FOR (n:Measure) ON (n.document_id);
CREATE INDEX document_title IF NOT EXISTS FOR (n:Document) ON (n.title);
CREATE INDEX instrument_title IF NOT EXISTS FOR (n:Instrument) ON (n.title);
