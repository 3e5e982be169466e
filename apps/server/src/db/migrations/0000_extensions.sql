-- Custom migration: extensions the schema needs (trigram search for typo tolerance).
-- PGlite loads pg_trgm from @electric-sql/pglite/contrib; Debian's server has it in postgresql-contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
