import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { engine, testDb } from '../../../test/support/db.ts';
import { adminUrl, urlFor } from '../../../test/support/pg-names.ts';
import { verifyAuditLog } from '../audit.ts';
import { type Checksums, setStableRendering, tableChecksums } from './backup-catalog.ts';
import { backupDb } from './backup.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { migrate } from './migrate.ts';
import { restoreDb } from './restore.ts';
import { type Db, one } from './types.ts';

const unique = crypto.randomBytes(4).toString('hex');
const PRODUCT_NAME = `Kue Lapis Legit — Ibu Siti ✓ ${unique}`;

/** A few rows in the registry, catalog, buyer and access tables, with bytea, jsonb, dates, timestamps, nulls and unicode. */
async function makeRows(db: Db): Promise<{ ownerId: number }> {
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
    return { ownerId: owners[0]!.id };
  });
}

async function checksums(db: Db): Promise<Checksums> {
  return db.transaction(async (tx) => {
    await setStableRendering(tx);
    return tableChecksums(tx);
  });
}

/** An empty database of the same engine: in-memory PGlite, or a database of our own on the test server. */
async function emptyDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
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

describe('backup and restore', () => {
  let src: Db;
  let dir: string;
  let ownerId: number;
  beforeAll(async () => {
    src = await testDb();
    ({ ownerId } = await makeRows(src));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-backup-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('restores every table exactly into an empty database, and new rows continue after the old ids', async () => {
    const file = path.join(dir, 'full.jsonl.gz');
    // Small batches, so that tables span several fetches and inserts (region references itself across them).
    const backedUp = await backupDb(src, file, { batchRows: 40 });
    expect(backedUp).toEqual(await checksums(src));
    expect(Object.keys(backedUp)).toEqual(
      expect.arrayContaining(['public.schema_migration', 'public.region', 'public.owner', 'public.audit_log']),
    );
    expect(backedUp['public.owner']!.rows).toBeGreaterThanOrEqual(2);

    const target = await emptyDb();
    try {
      const restored = await restoreDb(target.db, file, { batchRows: 50 });
      expect(restored).toEqual(backedUp);
      expect(await checksums(target.db)).toEqual(backedUp);

      const [p] = await target.db.query<{ name: string; price: number; description: string }>(
        `select name, price, description from product where name = $1`,
        [PRODUCT_NAME],
      );
      expect(p).toEqual({
        name: PRODUCT_NAME,
        price: 85000,
        description: 'Tanpa pengawet.\tResep nenek; "asli" \\ 100%',
      });
      const [o] = await target.db.query<{
        phone_enc: Uint8Array;
        birth_date: string;
        created_at: Date;
        email: string | null;
      }>(`select phone_enc, birth_date, created_at, email from owner where id = $1`, [ownerId]);
      expect(Buffer.from(o!.phone_enc)).toEqual(Buffer.from([0, 1, 254, 255]));
      expect(o!.birth_date).toBe('1980-12-31');
      expect(o!.created_at.toISOString()).toBe('2024-02-29T16:59:59.123Z');

      const fresh = await one<{ id: number }>(
        target.db,
        `insert into owner (full_name, nik_enc, nik_hash, nik_last4, nik_region) values ('Baru', '\\x00', $1, '0002', '317101') returning id`,
        [crypto.randomBytes(32)],
      );
      const { max } = await one<{ max: number }>(src, 'select max(id) as max from owner');
      expect(fresh.id).toBeGreaterThan(max);

      // The audit log came back with its stored hashes, and its guards are on again.
      expect((await verifyAuditLog(target.db)).broken).toBeUndefined();
      await expect(target.db.query(`update audit_log set action = 'forged'`)).rejects.toThrow(/append-only/);
    } finally {
      await target.drop();
    }
  });

  it('refuses to restore into a database that already has data, and changes nothing there', async () => {
    const file = path.join(dir, 'again.jsonl.gz');
    await backupDb(src, file);
    const before = await checksums(src);
    await expect(restoreDb(src, file)).rejects.toThrow(/target database is not empty/);
    expect(await checksums(src)).toEqual(before);
  });

  it('refuses a backup made by code with newer migrations, and a file that is not a backup', async () => {
    const future = path.join(dir, 'future.jsonl.gz');
    const header = {
      format: 'pasar-lokal-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      source: { engine: 'postgres', serverVersion: '15' },
      migrations: [
        { version: '0001', name: '0001_platform_reference' },
        { version: '9999', name: '9999_from_the_future' },
      ],
    };
    fs.writeFileSync(future, zlib.gzipSync(`${JSON.stringify(header)}\n`));
    const target = await emptyDb();
    try {
      await expect(restoreDb(target.db, future)).rejects.toThrow(/newer than this code.*9999_from_the_future/);
      const notBackup = path.join(dir, 'notes.txt');
      fs.writeFileSync(notBackup, 'hello');
      await expect(restoreDb(target.db, notBackup)).rejects.toThrow(
        /Not a readable Pasar Lokal backup|Not a Pasar Lokal backup/,
      );
      expect(await target.db.query(`select 1 from pg_tables where schemaname = 'public'`)).toEqual([]);
    } finally {
      await target.drop();
    }
  });

  it('restores whatever the catalog holds: other schemas, cycles, rewriting triggers, generated columns, odd types', async () => {
    // A migration set of its own, so the test does not depend on which tables the application has today.
    const migrations = path.join(dir, 'migrations');
    fs.mkdirSync(migrations);
    fs.writeFileSync(path.join(migrations, '0001_kinds.sql'), KINDS_SQL);
    const source = await emptyDb();
    const target = await emptyDb();
    try {
      await migrate(source.db, migrations);
      await source.db.exec(KINDS_ROWS);
      const file = path.join(dir, 'kinds.jsonl.gz');
      const backedUp = await backupDb(source.db, file, { batchRows: 7 });
      expect(backedUp['ledger ✓.Node']).toMatchObject({ rows: 100 });
      expect(backedUp['public.kinds']).toMatchObject({ rows: 3 });

      const restored = await restoreDb(target.db, file, { batchRows: 10, migrationsDir: migrations });
      expect(restored).toEqual(backedUp);
      // The insert trigger did not stamp the labels a second time, and is on again afterwards.
      const stamped = await one<{ n: number }>(
        target.db,
        `select count(*) as n from "ledger ✓"."Node" where label like '%stamped%stamped%'`,
      );
      expect(stamped.n).toBe(0);
      const node = await one<{ id: number; label: string; depth: number }>(
        target.db,
        `insert into "ledger ✓"."Node" (parent_id, label) values (1, 'baru') returning id, label, depth`,
      );
      expect(node.id).toBe(101);
      expect(node.label).toMatch(/^baru \(stamped /);
      const kind = await one<{ id: number; inv: number }>(
        target.db,
        `insert into kinds default values returning id, inv`,
      );
      const sourceKind = await one<{ id: number; inv: number }>(
        source.db,
        `insert into kinds default values returning id, inv`,
      );
      expect(kind).toEqual(sourceKind);
      const [j] = await target.db.query<{ j: string }>(`select j::text as j from kinds where j is not null`);
      expect(j!.j).toBe('{ "spaced" :  [1, 2.50] }');
    } finally {
      await source.drop();
      await target.drop();
    }
  });
});

const KINDS_SQL = `
create schema "ledger ✓";
create sequence "ledger ✓".invoice_no start 1000;
create table "ledger ✓"."Node" (
  id int generated by default as identity primary key,
  parent_id int references "ledger ✓"."Node" (id),
  label text not null,
  depth int generated always as (length(label)) stored
);
create function "ledger ✓".stamp() returns trigger language plpgsql as $$
begin
  new.label := new.label || ' (stamped ' || clock_timestamp() || ')';
  return new;
end $$;
create trigger stamp before insert on "ledger ✓"."Node" for each row execute function "ledger ✓".stamp();
create table cycle_a (id int primary key, b_id int);
create table cycle_b (id int primary key, a_id int not null references cycle_a (id));
alter table cycle_a add foreign key (b_id) references cycle_b (id);
create table kinds (
  id bigint generated always as identity primary key,
  n numeric(12, 3), f float8, r real, iv interval, arr text[], ints int[], j json, jb jsonb, c char(5),
  ts timestamp, tstz timestamptz, t time, b bool, u uuid, by bytea,
  pl_backup_row text, "Mixed ""Case""" text,
  inv int not null default nextval('"ledger ✓".invoice_no')
);
`;

const KINDS_ROWS = `
insert into "ledger ✓"."Node" (parent_id, label) values (null, 'akar');
insert into "ledger ✓"."Node" (parent_id, label) select i - 1, 'simpul ' || i from generate_series(2, 100) i;
-- Rewritten rows move behind their children in the heap: a child is read (and loaded) before its parent.
update "ledger ✓"."Node" set parent_id = parent_id where id <= 50;
insert into cycle_a values (1, null);
insert into cycle_b values (1, 1);
update cycle_a set b_id = 1;
insert into kinds (n, f, r, iv, arr, ints, j, jb, c, ts, tstz, t, b, u, by, pl_backup_row, "Mixed ""Case""") values
  (12345.678, 1.0 / 3, 0.1, '1 year 2 mons 3 days 04:05:06.789', '{a,"b c",NULL,"d\\"e"}', '{1,2}',
   '{ "spaced" :  [1, 2.50] }', '{"kunci ✓": [1, 2.50, null]}', 'ab', '2024-01-01 00:00:00.000001',
   '2024-02-29 23:59:59.999999+07', '23:59:59.5', true, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00ff',
   'shadow', 'Kue ''Lapis'' — ✓'),
  (null, 'NaN', '-Infinity', '-1 day', '{}', '{}', null, 'null', '', null, 'infinity', null, false, null, '\\x', '', null),
  (-0.001, -0.0, 3.4e38, '0', '{""}', null, '[]', '[]', '  x', '1970-01-01', '1970-01-01 00:00:00+00', '00:00', null, null, null, null, null);
select nextval('"ledger ✓".invoice_no');
`;
