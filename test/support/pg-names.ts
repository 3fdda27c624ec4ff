export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** The same server, another database. */
export function urlFor(database: string): string {
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

export const adminUrl = () => TEST_DATABASE_URL;
export const templateName = (runId: string) => `pl_test_${runId}_template`;
export const workerDbName = (runId: string, worker: string) => `pl_test_${runId}_w${worker}`;
