-- Custom migration: what the schema needs before its tables.
-- pg_trgm: typo-tolerant search; unaccent: "ambar" finds "ámbar". Both ship with PGlite
-- (@electric-sql/pglite/contrib) and with Debian's postgresql-contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- One text-search configuration for every language of the catalog: no stemming (it would
-- be wrong for all but one language), accents folded.
CREATE TEXT SEARCH CONFIGURATION verity_search (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION verity_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
