-- reader team mode, step 1 of 2: three roles and the team's database.
-- Run as a PostgreSQL superuser (psql -f db/team-roles.sql); choose real passwords.
--   reader_admin    creates the schema, imports articles, grants the others
--   reader_analyst  searches and reads; reviews, tags, notes, saved searches, corrections
--   reader_viewer   searches and reads only
CREATE ROLE reader_admin LOGIN PASSWORD 'change-me-admin';
CREATE ROLE reader_analyst LOGIN PASSWORD 'change-me-analyst';
CREATE ROLE reader_viewer LOGIN PASSWORD 'change-me-viewer';
CREATE DATABASE pemilu OWNER reader_admin;
