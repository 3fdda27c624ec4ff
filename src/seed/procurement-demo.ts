// Demo e-Order (npm start, never in production), after the demo accounts: the demo PA/KPA, PPK, Pejabat Pengadaan
// and Bendahara sit in the agency their role grants are scoped to, with a unit, a budget and outside spending; the
// agency has packages planned, assigned and ready — "Konsumsi rapat …" ready for the Pejabat Pengadaan to order
// meeting snacks from three curated Jakpreneur sellers (the browser journey) — and a dozen orders in every state,
// some paid late; the demo owner's business has orders too (its inbox and income statement). The three sellers'
// owners get demo logins (DEMO_SELLERS, README "e-Order demo sellers") so the journey's sellers can accept. The
// rollups are kept by the triggers, as for orders placed through the API. A second start changes nothing.
import { createAccount, grantRole } from '../access/create-account.ts';
import { DEMO_ACCOUNTS } from '../access/demo-accounts.ts';
import { SYSTEM } from '../platform/auth/actor.ts';
import type { Db, Tx } from '../platform/db/types.ts';
import { localDate } from '../platform/time.ts';
import { orderMoney } from './procurement-money.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MEETING_FOOD = 'kue-roti';
const ADDRESS =
  'Balai Kota DKI Jakarta, Blok G Lantai 2, Jl. Medan Merdeka Selatan No. 8–9, Gambir, Jakarta Pusat 10110';

interface Official {
  id: number;
  display_name: string;
  role: string;
  scope_id: string;
  owner_id: number | null;
}

/** The demo logins of the three cake sellers' owners (README "e-Order demo sellers"), the busiest seller first. */
export const DEMO_SELLERS = [1, 2, 3].map((n) => ({
  login: `penjual${n}@demo.pasarlokal.id`,
  password: `Demo-penjual${n}-2026`,
}));

/**
 * Three Jakpreneur micro/small sellers of curated e-Order cakes ("kue"), the busiest first, each of an owner of its
 * own who has no account yet (the owner gets the seller's demo login).
 */
async function meetingFoodSellers(tx: Tx, not: number[]): Promise<{ id: number; owner: number; name: string }[]> {
  const candidates = await tx.query<{ id: number; owner: number; name: string }>(
    `select u.id, u.owner_id as owner, u.name from umkm u join product p on p.umkm_id = u.id
      where u.kind = 'jakpreneur' and u.size_class in ('micro', 'small') and u.status = 'active'
        and p.category_code = $1 and p.status = 'published' and p.curation_status = 'curated' and p.name ilike 'kue%'
        and u.id <> all($2::int8[]) and u.owner_id is not null
        and not exists (select 1 from account a where a.owner_id = u.owner_id)
      group by u.id order by bool_or(p.channel_e_order) desc, count(*) desc, u.id limit 12`,
    [MEETING_FOOD, not],
  );
  const rows = candidates.filter((r, i) => candidates.findIndex((c) => c.owner === r.owner) === i).slice(0, 3);
  const ids = rows.map((r) => r.id);
  // Curated for e-Order (the mandate rule's condition for meeting food).
  await tx.query(
    `update product set channel_e_order = true
      where umkm_id = any($1::int8[]) and category_code = $2 and status = 'published' and curation_status = 'curated' and not channel_e_order`,
    [ids, MEETING_FOOD],
  );
  return rows;
}

/** The sellers' owners' demo logins (role umkm_owner, no TOTP), created through the same use cases as real ones. */
async function createSellerAccounts(tx: Tx, sellers: { owner: number; name: string }[]): Promise<void> {
  const who = SYSTEM('demo');
  for (const [k, s] of sellers.entries()) {
    const login = DEMO_SELLERS[k]!;
    if ((await tx.query('select 1 from account where email = $1', [login.login])).length) continue;
    const id = await createAccount(tx, who, {
      displayName: `Pemilik ${s.name}`,
      email: login.login,
      password: login.password,
      ownerId: Number(s.owner),
    });
    await grantRole(tx, who, id, 'umkm_owner', '');
  }
}

/** Creates the demo e-Order data once; returns how many orders were created (0: already there, or no demo accounts). */
export async function createDemoProcurement(db: Db, at = new Date()): Promise<number> {
  if (process.env.NODE_ENV === 'production') return 0;
  const emails = DEMO_ACCOUNTS.filter((a) =>
    ['pa_kpa', 'ppk', 'pejabat_pengadaan', 'bendahara', 'umkm_owner'].includes(a.role),
  ).map((a) => a.login);
  return db.transaction(async (tx) => {
    const rows = await tx.query<Official>(
      `select a.id, a.display_name, g.role, g.scope_id, a.owner_id from account a join role_grant g on g.account_id = a.id
        where a.email = any($1::text[]) order by a.id`,
      [emails],
    );
    const by = (role: string) => rows.find((r) => r.role === role);
    const pa = by('pa_kpa');
    const ppk = by('ppk');
    const pp = by('pejabat_pengadaan');
    const bendahara = by('bendahara');
    const owner = by('umkm_owner');
    if (!pa || !ppk || !pp || !bendahara || !pa.scope_id) return 0;
    const agencyId = Number(pa.scope_id);
    if ((await tx.query('select 1 from agency_official where account_id = $1', [pa.id])).length) return 0;
    await tx.query('select pg_advisory_xact_lock(7461029)');
    const [agency] = await tx.query<{ code: string }>('select code from agency where id = $1', [agencyId]);
    if (!agency) return 0;

    const [unit] = await tx.query<{ id: number }>(
      `insert into agency_unit (agency_id, code, name) values ($1, 'BAGIAN-RT', 'Bagian Rumah Tangga dan Protokol')
       on conflict (agency_id, code) do update set name = excluded.name returning id`,
      [agencyId],
    );
    const unitId = unit!.id;
    const nips = ['197803142005011003', '198206222008012012', '198911052014031001', '198504172010012015'];
    for (const [k, o] of [pa, ppk, pp, bendahara].entries())
      await tx.query(
        `insert into agency_official (account_id, agency_id, role, unit_id, name, nip) values ($1, $2, $3, $4, $5, $6)
         on conflict do nothing`,
        [o.id, Number(o.scope_id), o.role, unitId, o.display_name, nips[k]],
      );

    // Budget for this year and last; outside spending reported up to two months ago (last month not yet).
    const now = at.getTime();
    const today = localDate(at);
    const year = Number(today.slice(0, 4));
    for (const y of [year - 1, year])
      await tx.query(
        'insert into agency_budget (agency_id, year, goods_services_budget) values ($1, $2, $3) on conflict do nothing',
        [agencyId, y, 48_000_000_000],
      );
    const month = Number(today.slice(5, 7));
    for (let k = 2; k <= 13; k++) {
      const first = new Date(Date.UTC(year, month - 1 - k, 1)).toISOString().slice(0, 10);
      await tx.query(
        `insert into outside_spending (agency_id, month, total_amount, umk_amount, source, reported_at, reported_by)
         values ($1, $2, $3, $4, 'entered', $5, $6) on conflict do nothing`,
        [
          agencyId,
          first,
          (2_400 + ((k * 37) % 11) * 90) * 1_000_000,
          (310 + ((k * 13) % 7) * 25) * 1_000_000,
          new Date(Date.UTC(year, month - k, 10, 3)).toISOString(),
          bendahara.id,
        ],
      );
    }

    // Packages: planned, assigned, the ready "Konsumsi rapat …" (no orders yet), and the one holding the orders.
    const quarter = ['I', 'II', 'III', 'IV'][Math.floor((month - 1) / 3)];
    const pkg = async (
      k: number,
      name: string,
      status: string,
      category: string,
      pagu: number,
      createdDaysAgo: number,
    ): Promise<number> => {
      const assigned = status !== 'planned';
      const ready = status === 'ready';
      const [r] = await tx.query<{ id: number }>(
        `insert into procurement_package (rup_code, agency_id, unit_id, year, name, pagu, kind, supply, method, category_code,
           selection_from, selection_to, execution_from, execution_to, reserved_small, status, pa_account_id,
           ppk_account_id, pp_account_id, assigned_at, ready_at, delivery_address, source, created_at)
         values ($1, $2, $3, $4, $5, $6, 'barang', 'penyedia', 'e_purchasing', $7, $8::date, $8::date + 30, $8::date, $8::date + 90,
           true, $9, $10, $11, $12, $13, $14, $15, 'seed', $16) returning id`,
        [
          `8${String(agencyId).padStart(5, '0')}0${k}`,
          agencyId,
          unitId,
          year,
          name,
          pagu,
          category,
          localDate(new Date(now - createdDaysAgo * DAY)),
          status,
          assigned ? pa.id : null,
          assigned ? ppk.id : null,
          ready ? pp.id : null,
          assigned ? new Date(now - (createdDaysAgo - 2) * DAY) : null,
          ready ? new Date(now - (createdDaysAgo - 3) * DAY) : null,
          ready ? ADDRESS : null,
          new Date(now - createdDaysAgo * DAY),
        ],
      );
      return r!.id;
    };
    await pkg(1, `Belanja cinderamata tamu daerah Tahun ${year}`, 'planned', 'kerajinan', 35_000_000, 10);
    await pkg(2, `Belanja pakaian batik pegawai Tahun ${year}`, 'assigned', 'batik-kain', 120_000_000, 12);
    await pkg(3, `Konsumsi rapat koordinasi Triwulan ${quarter} ${year}`, 'ready', MEETING_FOOD, 7_500_000, 8);
    const ordersPackage = await pkg(
      4,
      `Belanja makanan dan minuman rapat Tahun ${year}`,
      'ready',
      MEETING_FOOD,
      0,
      240,
    );

    // Sellers: three curated Jakpreneur cake makers, and the demo owner's business.
    const [ownBusiness] = owner?.owner_id
      ? await tx.query<{ id: number }>('select id from umkm where owner_id = $1 order by id limit 1', [owner.owner_id])
      : [];
    const picked = await meetingFoodSellers(tx, ownBusiness ? [ownBusiness.id] : []);
    await createSellerAccounts(tx, picked);
    const sellers = picked.map((p) => p.id);
    if (ownBusiness)
      await tx.query(
        `update product p set channel_e_order = true from product_category c
          where c.code = p.category_code and c.is_food and p.umkm_id = $1 and p.status = 'published'
            and p.curation_status = 'curated' and not p.channel_e_order`,
        [ownBusiness.id],
      );
    // [seller, state, days ago placed, days from BAST to payment]: every state, some paid late, one overdue.
    const plan: [number | undefined, string, number, number][] = [
      [sellers[0], 'placed', 1, 0],
      [sellers[1], 'accepted', 3, 0],
      [sellers[2], 'declined', 10, 0],
      [sellers[0], 'delivered', 6, 0],
      [sellers[1], 'received', 14, 0],
      [sellers[2], 'received', 52, 0],
      [sellers[0], 'paid', 30, 12],
      [sellers[1], 'paid', 85, 41],
      [sellers[2], 'closed', 110, 14],
      [sellers[0], 'closed', 170, 52],
      [sellers[1], 'cancelled', 5, 0],
      [sellers[2], 'closed', 210, 25],
      [ownBusiness?.id, 'placed', 2, 0],
      [ownBusiness?.id, 'accepted', 4, 0],
      [ownBusiness?.id, 'delivered', 8, 0],
      [ownBusiness?.id, 'received', 20, 0],
      [ownBusiness?.id, 'paid', 72, 38],
      [ownBusiness?.id, 'closed', 130, 20],
    ];
    let created = 0;
    let packageValue = 0;
    for (const [k, [seller, state, ago, payDays]] of plan.entries()) {
      if (!seller) continue;
      packageValue += await demoOrder(tx, {
        agencyId,
        agencyCode: agency.code,
        packageId: ordersPackage,
        unitId,
        seller,
        state,
        placedAt: Math.min(
          now - HOUR,
          Date.parse(`${localDate(new Date(now - ago * DAY))}T02:00:00Z`) + (k % 5) * HOUR,
        ),
        payDays,
        now,
        ppk: ppk.id,
        pp: pp.id,
        bendahara: bendahara.id,
        k,
      });
      created++;
    }
    await tx.query('update procurement_package set pagu = $2 where id = $1', [
      ordersPackage,
      Math.ceil((packageValue * 1.3) / 1_000_000) * 1_000_000,
    ]);
    return created;
  });
}

interface DemoOrder {
  agencyId: number;
  agencyCode: string;
  packageId: number;
  unitId: number;
  seller: number;
  state: string;
  placedAt: number;
  payDays: number;
  now: number;
  ppk: number;
  pp: number;
  bendahara: number;
  k: number;
}

const STEPS = ['placed', 'accepted', 'delivered', 'received', 'paid', 'closed'];

/** One order at its state, with lines, BAST number from the counter and payments; returns its committed value. */
async function demoOrder(tx: Tx, d: DemoOrder): Promise<number> {
  const products = await tx.query<{ id: number; name: string; unit: string; price: number }>(
    `select id, name, unit, price from product where umkm_id = $1 and status = 'published'
      order by channel_e_order desc, id limit 3`,
    [d.seller],
  );
  const [seller] = await tx.query<{
    kind: string;
    size_class: string | null;
    pkp: boolean | null;
    pp55: string | null;
  }>(
    `select u.kind, u.size_class, t.pkp, t.pp55_certificate_until::text as pp55
       from umkm u left join seller_tax_profile t on t.umkm_id = u.id where u.id = $1`,
    [d.seller],
  );
  if (!products.length || !seller) return 0;
  const lines = products.slice(0, 1 + (d.k % products.length)).map((p, i) => {
    const qty = 20 + ((d.k * 7 + i * 11) % 60);
    return { ...p, price: Number(p.price), qty };
  });
  const total = lines.reduce((a, l) => a + l.qty * l.price, 0);
  const money = orderMoney(total, localDate(new Date(d.placedAt)), seller.size_class, seller.kind, {
    pkp: seller.pkp ?? false,
    pp55Until: seller.pp55,
  });
  const reached = STEPS.indexOf(d.state); // -1: declined or cancelled
  const stamp = (step: number, t: number) => (reached >= step ? new Date(t) : null);
  const accepted = d.placedAt + 5 * HOUR;
  const delivered = accepted + 2 * DAY;
  const received = delivered + 3 * HOUR;
  const paid = Date.parse(`${localDate(new Date(received + d.payDays * DAY))}T04:00:00Z`);
  let bast: { year: number; seq: number } | null = null;
  if (reached >= 3) {
    const year = Number(localDate(new Date(received)).slice(0, 4));
    const [c] = await tx.query<{ last: number }>(
      `insert into bast_counter (agency_id, year, last) values ($1, $2, 1)
       on conflict (agency_id, year) do update set last = bast_counter.last + 1 returning last`,
      [d.agencyId, year],
    );
    bast = { year, seq: c!.last };
  }
  const dueDate = bast ? localDate(new Date(received + 30 * DAY)) : null;
  const [group] = await tx.query<{ id: number }>(
    'insert into order_group (package_id, agency_id, placed_by, placed_at) values ($1, $2, $3, $4) returning id',
    [d.packageId, d.agencyId, d.pp, new Date(d.placedAt)],
  );
  const [order] = await tx.query<{ id: number }>(
    `insert into eorder (group_id, package_id, agency_id, unit_id, umkm_id, seller_kind, seller_size, counts_umk, status,
       total, money, delivery_address, placed_at, accepted_at, declined_at, decline_reason, delivered_at, received_at,
       bast_year, bast_seq, bast_number, bast_by, due_date, paid_at, payment_days, closed_at, cancelled_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24,
       $25, $26, $27) returning id`,
    [
      group!.id,
      d.packageId,
      d.agencyId,
      d.unitId,
      d.seller,
      seller.kind,
      seller.size_class,
      seller.kind === 'cooperative' || seller.size_class === 'micro' || seller.size_class === 'small',
      d.state,
      total,
      JSON.stringify(money),
      ADDRESS,
      new Date(d.placedAt),
      stamp(1, accepted),
      d.state === 'declined' ? new Date(d.placedAt + 4 * HOUR) : null,
      d.state === 'declined' ? 'Jadwal produksi penuh pada tanggal pengiriman' : null,
      stamp(2, delivered),
      stamp(3, received),
      bast?.year ?? null,
      bast?.seq ?? null,
      bast ? `BAST/${d.agencyCode}/${bast.year}/${String(bast.seq).padStart(5, '0')}` : null,
      bast ? d.ppk : null,
      dueDate,
      stamp(4, paid),
      reached >= 4
        ? Math.round((Date.parse(localDate(new Date(paid))) - Date.parse(localDate(new Date(received)))) / DAY)
        : null,
      stamp(5, paid + 3 * DAY),
      d.state === 'cancelled' ? new Date(d.placedAt + 2 * HOUR) : null,
    ],
  );
  const pay = async (amount: number, tax: number, t: number) => {
    await tx.query(
      `insert into eorder_payment (order_id, umkm_id, kind, stage, status, amount, tax_withheld, tax_lines, reference,
         requested_by, requested_at, paid_at)
       values ($1, $2, 'transfer', 'final', 'paid', $3, $4, $5, $6, $7, $8, $9)`,
      [
        order!.id,
        d.seller,
        amount,
        tax,
        JSON.stringify(tax ? money.lines.filter((l) => l.item !== 'advance') : []),
        `TRF${localDate(new Date(t)).replaceAll('-', '')}${String(order!.id).padStart(8, '0')}`,
        d.bendahara,
        new Date(t - 2 * HOUR),
        new Date(t),
      ],
    );
    await tx.query('update eorder set paid_amount = paid_amount + $2 where id = $1', [order!.id, amount + tax]);
  };
  if (reached >= 4) await pay(money.net, money.withheld, paid);
  else if (reached === 3 && d.now - received > 40 * DAY) {
    // An overdue order partly paid: the rest is late.
    const part = Math.floor(total * 0.4);
    await pay(part, 0, received + 20 * DAY);
  }
  return reached >= 1 ? total : 0;
}
