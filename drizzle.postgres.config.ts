import { defineConfig } from 'drizzle-kit';

/** PostgreSQL's migrations (DATABASE_URL=postgres://…), beside SQLite's in drizzle.config.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema-postgres.ts',
  out: './drizzle/postgres',
});
