"""Graph store: schema, backends (embedded LadybugDB, Neo4j over Bolt), loader and export."""
