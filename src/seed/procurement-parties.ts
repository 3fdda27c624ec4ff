// The buyers' side of e-Order: each agency's units and officials (PA/KPA, PPK, Pejabat Pengadaan, Bendahara) with
// the accounts their role grants hang on. Official accounts are bulk-made without passwords (like bulk-loaded
// owners: claimed later through a reset). Loading twice adds nothing: units and accounts are found by their codes.
import type { Queryable } from '../platform/db/types.ts';
import { insertColumns } from './bulk.ts';
import type { Rng } from './prng.ts';
import { people } from './vocabulary.ts';

export interface Agency {
  id: number;
  code: string;
  name: string;
  kind: string;
  regionCode: string | null;
  units: number[];
  pa: number;
  ppk: number[];
  pp: number[];
  bendahara: number;
}

export const OFFICIAL_ROLES = ['pa_kpa', 'ppk', 'pejabat_pengadaan', 'bendahara'] as const;

const UNITS: readonly (readonly [string, string])[] = [
  ['SEKRETARIAT', 'Sekretariat'],
  ['SUBBAG-UMUM', 'Subbagian Umum dan Kepegawaian'],
  ['SUBBAG-KEU', 'Subbagian Keuangan'],
  ['SUBBAG-PROGRAM', 'Subbagian Program dan Pelaporan'],
  ['BIDANG-PELAYANAN', 'Bidang Pelayanan'],
  ['BIDANG-PEMBINAAN', 'Bidang Pembinaan dan Pengembangan'],
  ['BIDANG-PENGAWASAN', 'Bidang Pengawasan dan Pengendalian'],
  ['BIDANG-SARPRAS', 'Bidang Sarana dan Prasarana'],
  ['UPT', 'Unit Pelaksana Teknis'],
] as const;

const SUDIN_UNITS: readonly (readonly [string, string])[] = [
  ['SUBBAG-TU', 'Subbagian Tata Usaha'],
  ['SEKSI-PELAYANAN', 'Seksi Pelayanan'],
  ['SEKSI-PEMBINAAN', 'Seksi Pembinaan'],
  ['SEKSI-PENGAWASAN', 'Seksi Pengawasan'],
] as const;

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A civil servant number: birth date, appointment month, gender digit, sequence (18 digits). */
function nip(rng: Rng, female: boolean): string {
  const born = rng.int(1968, 1996);
  const appointed = Math.min(2024, born + rng.int(22, 30));
  return `${born}${pad(rng.int(1, 12), 2)}${pad(rng.int(1, 28), 2)}${appointed}${pad(rng.int(1, 12), 2)}${female ? 2 : 1}${pad(rng.int(1, 20), 3)}`;
}

function officialName(rng: Rng): { name: string; female: boolean } {
  const female = rng.chance(0.5);
  const [first] = rng.pick(female ? people.female : people.male);
  const title = rng.pick(['', '', 'S.E.', 'S.Sos.', 'S.H.', 'S.T.', 'S.Kom.', 'M.M.', 'M.Si.', 'S.E., M.M.']);
  return { name: `${first} ${rng.pick(people.family)}${title ? `, ${title}` : ''}`, female };
}

/**
 * Units and officials for every agency given (those that have none yet), then reads them back. Returns the
 * agencies in code order (the generator's iteration order, independent of ids).
 */
export async function ensureAgencyParties(q: Queryable, rng: Rng): Promise<Agency[]> {
  const agencies = await q.query<{ id: number; code: string; name: string; kind: string; region_code: string | null }>(
    `select id, code, name, kind, region_code from agency order by code collate "C"`,
  );
  const fresh = await q.query<{ id: number }>(
    `select a.id from agency a where not exists (select 1 from agency_unit u where u.agency_id = a.id)`,
  );
  const needs = new Set(fresh.map((r) => r.id));
  const units: unknown[][] = [[], [], []];
  const accounts: unknown[][] = [[], [], []];
  const officials: { email: string; agency: number; role: string; unit: string; name: string; nip: string }[] = [];
  for (const a of agencies) {
    if (!needs.has(a.id)) continue;
    const sudin = a.code.startsWith('SUDIN-');
    const list = sudin ? SUDIN_UNITS : UNITS.slice(0, rng.int(4, UNITS.length));
    for (const [code, name] of list) {
      units[0]!.push(a.id);
      units[1]!.push(code);
      units[2]!.push(name);
    }
    const roles: [string, number][] = [
      ['pa_kpa', 1],
      ['ppk', rng.int(1, sudin ? 1 : 3)],
      ['pejabat_pengadaan', rng.int(1, sudin ? 2 : 3)],
      ['bendahara', 1],
    ];
    for (const [role, n] of roles)
      for (let k = 1; k <= n; k++) {
        const who = officialName(rng);
        const email = `${role.replace('_', '-')}${k}.${a.code.toLowerCase()}@pejabat.seed.pasarlokal.id`;
        accounts[0]!.push(who.name);
        accounts[1]!.push(email);
        accounts[2]!.push('2024-01-02T01:00:00Z');
        officials.push({
          email,
          agency: a.id,
          role,
          unit: role === 'pa_kpa' ? (list[0]?.[0] ?? '') : (rng.pick(list)[0] ?? ''),
          name: who.name,
          nip: nip(rng, who.female),
        });
      }
  }
  if (officials.length) {
    await insertColumns(
      q,
      'agency_unit',
      [
        ['agency_id', 'int4'],
        ['code', 'text'],
        ['name', 'text'],
      ],
      units,
    );
    await insertColumns(
      q,
      'account',
      [
        ['display_name', 'text'],
        ['email', 'text'],
        ['created_at', 'timestamptz'],
      ],
      accounts,
    );
    await q.query(
      `insert into agency_official (account_id, agency_id, role, unit_id, name, nip)
       select a.id, o.agency, o.role, u.id, o.name, o.nip
         from unnest($1::text[], $2::int4[], $3::text[], $4::text[], $5::text[], $6::text[]) as o(email, agency, role, unit, name, nip)
         join account a on a.email = o.email
         left join agency_unit u on u.agency_id = o.agency and u.code = o.unit
       on conflict do nothing`,
      [
        officials.map((o) => o.email),
        officials.map((o) => o.agency),
        officials.map((o) => o.role),
        officials.map((o) => o.unit),
        officials.map((o) => o.name),
        officials.map((o) => o.nip),
      ],
    );
    await q.query(
      `insert into role_grant (account_id, role, scope_kind, scope_id, granted_at)
       select a.id, o.role, 'agency', o.agency::text, '2024-01-02T01:00:00Z'
         from unnest($1::text[], $2::int4[], $3::text[]) as o(email, agency, role) join account a on a.email = o.email
       on conflict do nothing`,
      [officials.map((o) => o.email), officials.map((o) => o.agency), officials.map((o) => o.role)],
    );
  }
  const unitRows = await q.query<{ id: number; agency_id: number }>(
    'select id, agency_id from agency_unit order by agency_id, id',
  );
  const officialRows = await q.query<{ account_id: number; agency_id: number; role: string }>(
    `select account_id, agency_id, role from agency_official order by agency_id, role, account_id`,
  );
  const byId = new Map<number, Agency>();
  const out = agencies.map((a) => {
    const agency: Agency = {
      id: a.id,
      code: a.code,
      name: a.name,
      kind: a.kind,
      regionCode: a.region_code,
      units: [],
      pa: 0,
      ppk: [],
      pp: [],
      bendahara: 0,
    };
    byId.set(a.id, agency);
    return agency;
  });
  for (const u of unitRows) byId.get(u.agency_id)?.units.push(u.id);
  for (const o of officialRows) {
    const a = byId.get(o.agency_id);
    if (!a) continue;
    if (o.role === 'pa_kpa') a.pa ||= o.account_id;
    else if (o.role === 'bendahara') a.bendahara ||= o.account_id;
    else if (o.role === 'ppk') a.ppk.push(o.account_id);
    else a.pp.push(o.account_id);
  }
  return out.filter((a) => a.pa && a.bendahara && a.ppk.length && a.pp.length && a.units.length);
}
