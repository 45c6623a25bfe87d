"""Named Cypher queries and the schema, read as package data (`policykg.queries.catalog`)."""
