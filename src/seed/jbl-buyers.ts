// Jumat Beli Lokal seed: the buyers with accounts. ASN (civil servants) of every procurement agency, an asn_buyer
// grant scoped to their agency each (province OPD have the most staff, then the kota offices, the BUMD and the suku
// dinas), and public buyer accounts. Bulk-made without passwords, like the bulk-loaded owners and officials: claimed
// later through a reset. Guests have no account: their name and phone are on the order.
import type { Queryable } from '../platform/db/types.ts';
import { insertColumns, reserveIds } from './bulk.ts';
import type { Buyers } from './jbl-orders.ts';
import type { Rng } from './prng.ts';
import { people } from './vocabulary.ts';

export const ASN_PER_MEMBER = 0.1; // 385,000 members → 38,500 ASN buyer accounts
export const PUBLIC_PER_MEMBER = 0.04;
const ACCOUNT_COLUMNS = [
  ['id', 'int8'],
  ['display_name', 'text'],
  ['email', 'text'],
  ['created_at', 'timestamptz'],
] as const;
const GRANT_COLUMNS = [
  ['account_id', 'int8'],
  ['role', 'text'],
  ['scope_kind', 'text'],
  ['scope_id', 'text'],
  ['granted_at', 'timestamptz'],
] as const;
const CHUNK = 20_000;

const agencyWeight = (a: { code: string; kind: string; region_code: string | null }) =>
  a.kind === 'bumd' ? 1.5 : a.code.startsWith('KOTA-') ? 2 : a.region_code ? 0.6 : 3;

function personName(rng: Rng): string {
  const female = rng.chance(0.55);
  return `${rng.pick(female ? people.female : people.male)[0]} ${rng.pick(people.family)}`.slice(0, 200);
}

async function insertAccounts(
  q: Queryable,
  rows: { name: string; email: string; at: string; role: string; scope: string; scopeId: string }[],
): Promise<number[]> {
  const ids = await reserveIds(q, 'account', rows.length);
  for (let from = 0; from < rows.length; from += CHUNK) {
    const part = rows.slice(from, from + CHUNK);
    const partIds = ids.slice(from, from + CHUNK);
    await insertColumns(
      q,
      'account',
      ACCOUNT_COLUMNS,
      [partIds, part.map((r) => r.name), part.map((r) => r.email), part.map((r) => r.at)],
      { withIds: true },
    );
    await insertColumns(q, 'role_grant', GRANT_COLUMNS, [
      partIds,
      part.map((r) => r.role),
      part.map((r) => r.scope),
      part.map((r) => r.scopeId),
      part.map((r) => r.at),
    ]);
  }
  return ids;
}

export async function seedJblBuyers(
  q: Queryable,
  rng: Rng,
  members: number,
): Promise<Buyers & { counts: Record<string, number> }> {
  const agencies = await q.query<{ id: number; code: string; kind: string; region_code: string | null }>(
    `select id, code, kind, region_code from agency order by code collate "C"`,
  );
  const asnTotal = agencies.length ? Math.max(40, Math.round(members * ASN_PER_MEMBER)) : 0;
  const weights = agencies.map(agencyWeight);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const asnRows: { name: string; email: string; at: string; role: string; scope: string; scopeId: string }[] = [];
  const asnAgency: number[] = [];
  for (const [i, a] of agencies.entries()) {
    const n = Math.max(1, Math.round((weights[i]! / wsum) * asnTotal));
    for (let k = 1; k <= n; k++) {
      asnRows.push({
        name: personName(rng),
        email: `asn${k}.${a.code.toLowerCase()}@asn.seed.pasarlokal.id`,
        at: `2024-0${rng.int(1, 9)}-${String(rng.int(1, 28)).padStart(2, '0')}T02:00:00Z`,
        role: 'asn_buyer',
        scope: 'agency',
        scopeId: String(a.id),
      });
      asnAgency.push(Number(a.id));
    }
  }
  const publicRows = Array.from({ length: Math.max(20, Math.round(members * PUBLIC_PER_MEMBER)) }, (_, k) => ({
    name: personName(rng),
    email: `pembeli${k + 1}@pembeli.seed.pasarlokal.id`,
    at: `2024-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}T05:00:00Z`,
    role: 'public_buyer',
    scope: 'none',
    scopeId: '',
  }));
  const asnIds = await insertAccounts(q, asnRows);
  const publicIds = await insertAccounts(q, publicRows);
  return {
    asn: asnRows.map((r, i) => ({ id: asnIds[i]!, name: r.name, agency: asnAgency[i]! })),
    public: publicRows.map((r, i) => ({ id: publicIds[i]!, name: r.name })),
    counts: { jbl_asn_buyer: asnRows.length, jbl_public_buyer: publicRows.length },
  };
}
