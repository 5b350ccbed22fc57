"""The graph: store, schema, named queries and the document loader."""
