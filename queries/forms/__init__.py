"""Question forms, one module a group. Each form's INTENTS entry (queries.intent.Intent: its rule,
catalog query, parameters, shaper, summary and examples) stands right after its rule and the functions it
names; queries.intents lists the entries in the order they are tried."""
