// The backup and restore tests' world: a few rows of every kind in the worker's database, a temporary directory for
// the backup files, empty databases of the same engine to restore into, and the tables' checksums to compare.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Checksums, setStableRendering, tableChecksums } from '../../src/platform/db/backup-catalog.ts';
import { openPglite } from '../../src/platform/db/pglite.ts';
import { openPostgres } from '../../src/platform/db/postgres.ts';
import { type Db, one } from '../../src/platform/db/types.ts';
import { engine, testDb } from './db.ts';
import { adminUrl, urlFor } from './pg-names.ts';

/**
 * The worker's database with the rows of makeRows (the first owner's id, the product's name) and a temporary
 * directory; set by setUpBackup (test files run one at a time per worker).
 */
export const bk = {} as { src: Db; dir: string; ownerId: number; productName: string };

/** A few rows in the registry, catalog, buyer and access tables, with bytea, jsonb, dates, timestamps, nulls and unicode. */
async function makeRows(db: Db): Promise<{ ownerId: number; productName: string }> {
  const unique = crypto.randomBytes(4).toString('hex');
  const PRODUCT_NAME = `Kue Lapis Legit — Ibu Siti ✓ ${unique}`;
  return db.transaction(async (tx) => {
    const { code: kbli } = await one<{ code: string }>(
      tx,
      `select code from kbli where level = 'subclass' order by code limit 1`,
    );
    const { code: village } = await one<{ code: string }>(
      tx,
      `select code from region where level = 'village' order by code limit 1`,
    );
    const owners = [];
    for (const [i, name] of ['Siti Aminah', 'Budi Śantoso'].entries()) {
      owners.push(
        await one<{ id: number }>(
          tx,
          `insert into owner (full_name, nik_enc, nik_hash, nik_last4, nik_region, phone_enc, email, gender, birth_date, created_at)
           values ($1, $2, $3, '0001', '317101', $4, $5, $6, $7, '2024-02-29 23:59:59.123456+07') returning id`,
          [
            name,
            crypto.randomBytes(40),
            crypto.randomBytes(32),
            i ? null : Buffer.from([0, 1, 254, 255]),
            i ? null : `siti.${unique}@contoh.id`,
            i ? null : 'female',
            i ? null : '1980-12-31',
          ],
        ),
      );
    }
    const umkm = await one<{ id: number }>(
      tx,
      `insert into umkm (owner_id, name, nib, kbli_code, village_code, address, capital, annual_sales, size_class)
       values ($1, $2, null, $3, $4, E'Jl. Kenari 1\nRT 02/RW 03', 50000000, 9007199254740991, 'micro') returning id`,
      [owners[0]!.id, `Dapur Siti "Legit" ${unique}`, kbli, village],
    );
    await tx.query(
      `insert into product_category (code, name_id, name_en, is_food) values ($1, 'Kue basah', 'Cakes', true)`,
      [`kue-${unique}`],
    );
    await tx.query(
      `insert into product (umkm_id, name, description, category_code, price, unit, stock, halal, status)
       values ($1, $2, $3, $4, 85000, 'loyang', 3, true, 'published'), ($1, 'Teh ''tarik''', '', $4, 5000, 'gelas', 0, false, 'draft')`,
      [umkm.id, PRODUCT_NAME, 'Tanpa pengawet.\tResep nenek; "asli" \\ 100%', `kue-${unique}`],
    );
    const agency = await one<{ id: number }>(
      tx,
      `insert into fostering_agency (code, name) values ($1, 'Dinas PPKUKM') returning id`,
      [`ppkukm-${unique}`],
    );
    await tx.query(`insert into fostering_link (umkm_id, agency_id, since) values ($1, $2, '2021-09-10')`, [
      umkm.id,
      agency.id,
    ]);
    await tx.query(`insert into agency (code, name, kind) values ($1, 'Biro Pengadaan', 'opd')`, [`bppbj-${unique}`]);
    await tx.query(
      `insert into mall (name, operator, village_code, effective_floor_m2) values ('Mal Kota', 'PT Mal', $1, 12000)`,
      [village],
    );
    await tx.query(`insert into lender (code, name, kind) values ($1, 'Bank DKI', 'regional_bank')`, [
      `bankdki-${unique}`,
    ]);
    await tx.query(`insert into setting (key, effective_from, value, source) values ($1, '2030-01-01', $2, null)`, [
      `test.backup.${unique}`,
      JSON.stringify({ rate: 0.4, nested: { list: [1, 'dua', null], 'kunci ✓': true } }),
    ]);
    // The audit log's insert trigger hash-chains rows: a restore must keep the stored hashes, not recompute them.
    for (const action of ['umkm.create', 'umkm.update']) {
      await tx.query(
        `insert into audit_log (actor_label, action, entity_type, entity_id, umkm_id, after) values ('system:test', $1, 'umkm', $2, $3, $4)`,
        [action, String(umkm.id), umkm.id, JSON.stringify({ name: PRODUCT_NAME })],
      );
    }
    return { ownerId: owners[0]!.id, productName: PRODUCT_NAME };
  });
}

export async function checksums(db: Db): Promise<Checksums> {
  return db.transaction(async (tx) => {
    await setStableRendering(tx);
    return tableChecksums(tx);
  });
}

/** An empty database of the same engine: in-memory PGlite, or a database of our own on the test server. */
export async function emptyDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openPglite();
    return { db, drop: () => db.close() };
  }
  const name = `pl_test_${inject('pgRunId')}_restore_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const db = await openPostgres(urlFor(name), { max: 2 });
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** The worker's database with fresh rows of every kind, and a new temporary directory for backup files. */
export async function setUpBackup(): Promise<void> {
  bk.src = await testDb();
  ({ ownerId: bk.ownerId, productName: bk.productName } = await makeRows(bk.src));
  bk.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-backup-'));
}

/** Removes the temporary directory. */
export function cleanUpBackup(): void {
  fs.rmSync(bk.dir, { recursive: true, force: true });
}
