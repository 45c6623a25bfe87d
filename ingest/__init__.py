"""Pure extraction stages: text in, typed records out. Nothing here touches the store.

The entry points are policykg.ingest.pipeline.extract_file and extract_text; they are not re-exported here,
so a command that only reads records (ask, stats) does not load the extractor's patterns."""
