import { type AccountActor, SYSTEM } from '../platform/auth/actor.ts';
import { ROLES, type Role } from '../platform/auth/roles.ts';
import type { Db, Tx } from '../platform/db/types.ts';
import { createAccount, grantRole } from './create-account.ts';
import { enableTotpWithSecret } from './totp-enrolment.ts';

/**
 * One demo account per role, listed in the README (role | login | password | totp secret). Created through the
 * same use cases as real accounts; never when NODE_ENV=production. The passwords and TOTP secrets are public:
 * they exist for trying the platform out.
 */
export interface DemoAccount {
  role: Role;
  login: string;
  password: string;
  totpSecret: string; // base32; empty where the role needs none
  displayName: string;
}

const d = (role: Role, who: string, displayName: string, totpSecret = ''): DemoAccount => ({
  role,
  login: `${who}@demo.pasarlokal.id`,
  password: `Demo-${who}-2026`,
  totpSecret,
  displayName,
});

export const DEMO_ACCOUNTS: DemoAccount[] = [
  d('platform_admin', 'admin', 'Admin Dinas PPKUKM', 'EHOHWTOWAJSD245OQ5F45K3RIXI6YKHP'),
  d('pengampu_officer', 'pengampu', 'Petugas Pengampu'),
  d('pendamping', 'pendamping', 'Pendamping Kecamatan'),
  d('kasatpel', 'kasatpel', 'Kasatpel Kecamatan'),
  d('kurator', 'kurator', 'Kurator Produk'),
  d('umkm_owner', 'umkm', 'Pemilik UMKM'),
  d('pa_kpa', 'pa', 'Pengguna Anggaran (PA/KPA)', 'PYKZP6DVZVXPTKHV3PHYSGDJ6573CDKM'),
  d('ppk', 'ppk', 'Pejabat Pembuat Komitmen', 'S4DCGPXQ2ZFWRO5XFJWYJSV5UNJBW2DS'),
  d('pejabat_pengadaan', 'pengadaan', 'Pejabat Pengadaan'),
  d('bendahara', 'bendahara', 'Bendahara', 'CWBEXS7VLOYRGAYIBDK4BNYT2A7BIUZB'),
  d('bppbj_analyst', 'bppbj', 'Analis BPPBJ'),
  d('auditor', 'auditor', 'Auditor Inspektorat'),
  d('mall_partner', 'mal', 'Mitra Pengelola Mal'),
  d('lender_officer', 'bank', 'Petugas Bank Penyalur'),
  d('asn_buyer', 'asn', 'ASN Pembeli'),
  d('public_buyer', 'pembeli', 'Pembeli Umum'),
];

interface Scopes {
  fosteringAgency: string;
  district: string;
  agency: string;
  mall: string;
  lender: string;
  ownerId: number | null;
}

/**
 * Demo scopes are read from the data: the busiest kecamatan, the first agency, mall and lender, and a busy owner
 * of a food business IN that kecamatan, so the demo owner's products go to the demo pendamping and kasatpel.
 */
async function pickScopes(tx: Tx): Promise<Scopes> {
  const first = async (sql: string) => String((await tx.query<{ v: unknown }>(sql))[0]?.v ?? '');
  const district = await first(
    `select v.parent_code as v from umkm u join region v on v.code = u.village_code group by v.parent_code order by count(*) desc, v.parent_code limit 1`,
  );
  const [owner] = await tx.query<{ id: number }>(
    `select u.owner_id as id from umkm u join region v on v.code = u.village_code join product p on p.umkm_id = u.id
       join product_category c on c.code = p.category_code
      where v.parent_code = $1 and not exists (select 1 from account a where a.owner_id = u.owner_id)
      group by u.owner_id order by bool_or(c.is_food) desc, count(*) desc, u.owner_id limit 1`,
    [district],
  );
  return {
    fosteringAgency: await first('select id as v from fostering_agency order by id limit 1'),
    district,
    agency: await first(`select id as v from agency order by (kind = 'opd') desc, id limit 1`),
    mall: await first('select id as v from mall order by id limit 1'),
    lender: await first('select id as v from lender order by id limit 1'),
    ownerId: owner?.id ?? null,
  };
}

function scopeFor(role: Role, s: Scopes): string {
  switch (role) {
    case 'pengampu_officer':
      return s.fosteringAgency;
    case 'pendamping':
    case 'kasatpel':
      return s.district;
    case 'pa_kpa':
    case 'ppk':
    case 'pejabat_pengadaan':
    case 'bendahara':
    case 'asn_buyer':
      return s.agency;
    case 'mall_partner':
      return s.mall;
    case 'lender_officer':
      return s.lender;
    default:
      return '';
  }
}

/** Creates the demo accounts that do not exist yet; returns how many were created. */
export async function createDemoAccounts(db: Db): Promise<number> {
  if (process.env.NODE_ENV === 'production') return 0;
  return db.transaction(async (tx) => {
    const who = SYSTEM('demo');
    const scopes = await pickScopes(tx);
    let created = 0;
    for (const a of DEMO_ACCOUNTS) {
      if ((await tx.query('select 1 from account where email = $1', [a.login])).length) continue;
      const ownerId = a.role === 'umkm_owner' ? (scopes.ownerId ?? undefined) : undefined;
      const id = await createAccount(tx, who, {
        displayName: a.displayName,
        email: a.login,
        password: a.password,
        ownerId,
      });
      await grantRole(tx, who, id, a.role, scopeFor(a.role, scopes));
      if (a.totpSecret) await enableTotpWithSecret(tx, who, id, a.totpSecret);
      created++;
    }
    return created;
  });
}

/** A demo account as it would stand signed in under one role grant: the demo data acts through the use cases. */
export interface DemoAccountRow {
  id: number;
  display_name: string;
  owner_id: number | null;
  role: Role;
  scope_id: string;
}

export function demoActor(a: DemoAccountRow): AccountActor {
  return {
    kind: 'account',
    accountId: a.id,
    displayName: a.display_name,
    ownerId: a.owner_id,
    grants: [{ role: a.role, scopeKind: ROLES[a.role].scope, scopeId: a.scope_id }],
    sessionHash: Buffer.alloc(0),
    csrfToken: '',
    mustEnrolTotp: false,
  };
}
