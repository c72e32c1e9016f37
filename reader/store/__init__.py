"""The SQLite store: connections, schema migrations, reads and writes."""
