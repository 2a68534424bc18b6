import { startPostgres } from './postgres.js';

/**
 * vitest globalSetup for HAVEN_TEST_DATABASE=postgres: one PostgreSQL server for the whole run, its URL in
 * HAVEN_TEST_POSTGRES_URL (vitest hands the main process's environment to the test workers it forks afterwards,
 * and they to the servers they start). Returns the teardown, which stops it.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const server = await startPostgres();
  process.env.HAVEN_TEST_POSTGRES_URL = server.url;
  return async () => {
    delete process.env.HAVEN_TEST_POSTGRES_URL;
    await server.stop();
  };
}
