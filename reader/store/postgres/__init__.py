"""The PostgreSQL store: a shared server for a team (see the README's "Team mode").

psycopg is imported only here, and only when a PostgreSQL location is opened, so a
SQLite user never pays for it.
"""
