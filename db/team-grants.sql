-- reader team mode, step 2 of 2: what each role may do.
-- Run as reader_admin in the team's database, after one reader command created the schema
-- (`reader --db postgresql://reader_admin@HOST/pemilu stats`).
GRANT USAGE ON SCHEMA public TO reader_analyst, reader_viewer;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader_viewer;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO reader_analyst;
-- Articles, their search vocabulary, the actor catalogue and the schema's versions are the
-- admin's (imports, `reader actors load`, upgrades).
REVOKE INSERT, UPDATE, DELETE ON article, search_term, catalogue_actor, reader_migrations FROM reader_analyst;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO reader_analyst;
-- Tables that later versions of reader add get the same rights.
ALTER DEFAULT PRIVILEGES FOR ROLE reader_admin IN SCHEMA public GRANT SELECT ON TABLES TO reader_viewer;
ALTER DEFAULT PRIVILEGES FOR ROLE reader_admin IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO reader_analyst;
ALTER DEFAULT PRIVILEGES FOR ROLE reader_admin IN SCHEMA public GRANT USAGE ON SEQUENCES TO reader_analyst;
