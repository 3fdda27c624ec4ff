// Loads the reference data in db/reference/ (regions with boundaries, KBLI 2020, holidays, settings).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Tx } from '../../src/platform/db/types.ts';
import { parseCsv } from '../../src/platform/csv.ts';

const dir = fileURLToPath(new URL('../reference/', import.meta.url));
const read = (f: string) => fs.readFileSync(dir + f, 'utf8');

interface Instance {
  regions_file: string;
  boundary_files: string[];
  settings: { key: string; effective_from: string; value: unknown; source: string }[];
}

export async function up(tx: Tx): Promise<void> {
  const instance = JSON.parse(read('instance.json')) as Instance;

  const regions = parseCsv(read(instance.regions_file));
  await tx.query(
    `insert into region (code, name, level, parent_code)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
    [
      regions.map((r) => r.code),
      regions.map((r) => r.name),
      regions.map((r) => r.level),
      regions.map((r) => r.parent_code || null),
    ],
  );
  for (const f of instance.boundary_files) {
    const fc = JSON.parse(read(f)) as { features: { properties: { code: string }; geometry: unknown }[] };
    await tx.query(
      `update region r set boundary = b.g from unnest($1::text[], $2::jsonb[]) as b(code, g) where r.code = b.code`,
      [fc.features.map((x) => x.properties.code), fc.features.map((x) => JSON.stringify(x.geometry))],
    );
  }

  const kbli = parseCsv(read('kbli2020.csv'));
  const parentOf = new Map<string, string>();
  let section = '';
  for (const k of kbli) {
    if (k.level === 'section') section = k.code!;
    parentOf.set(k.code!, k.level === 'section' ? '' : k.level === 'division' ? section : k.code!.slice(0, -1));
  }
  await tx.query(
    `insert into kbli (code, title, level, parent_code)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
    [
      kbli.map((k) => k.code),
      kbli.map((k) => k.title),
      kbli.map((k) => k.level),
      kbli.map((k) => parentOf.get(k.code!) || null),
    ],
  );

  const holidays = parseCsv(read('holidays-id-2025-2027.csv'));
  await tx.query(
    `insert into holiday (date, name, kind) select * from unnest($1::date[], $2::text[], $3::text[]) on conflict do nothing`,
    [holidays.map((h) => h.date), holidays.map((h) => h.name), holidays.map((h) => h.type)],
  );

  await tx.query(
    `insert into setting (key, effective_from, value, source)
     select * from unnest($1::text[], $2::date[], $3::jsonb[], $4::text[])`,
    [
      instance.settings.map((s) => s.key),
      instance.settings.map((s) => s.effective_from),
      instance.settings.map((s) => JSON.stringify(s.value)),
      instance.settings.map((s) => s.source),
    ],
  );
}
