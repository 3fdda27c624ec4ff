// The demo data `npm start` loads on a database (never in production unless PL_DEMO_DATA=1): the demo register on
// an empty database, the demo accounts, the curation call, the e-Order slice and the Jumat Beli Lokal editions,
// each once. src/main.ts calls it, and the browser journey that changes demo data loads its own database with it, so
// both see the same demo.
import { createDemoAccounts } from '../access/demo-accounts.ts';
import { createDemoCuration } from '../curation/demo.ts';
import { createDemoEditions } from '../jbl/demo.ts';
import type { Db } from '../platform/db/types.ts';
import { loadDemoDataIfEmpty } from './demo.ts';
import { createDemoProcurement } from './procurement-demo.ts';

export async function loadDemo(db: Db, log: (msg: string, data?: object) => void): Promise<void> {
  const loaded = await loadDemoDataIfEmpty(db, (msg) => log(msg));
  if (loaded) log('demo data loaded', loaded);
  const accounts = await createDemoAccounts(db);
  if (accounts) log('demo accounts created (see the README table)', { accounts });
  const curation = await createDemoCuration(db);
  if (curation) log('demo curation call created', { submissions: curation });
  const eorders = await createDemoProcurement(db);
  if (eorders) log('demo e-Order agency, packages, sellers and orders created', { orders: eorders });
  const editions = await createDemoEditions(db);
  if (editions) log('demo Jumat Beli Lokal editions planned, the next one open for pre-orders', { editions });
}
