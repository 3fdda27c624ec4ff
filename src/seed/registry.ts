// Registry: the pengampu (fostering agencies), members' owners (NIK and phone encrypted), the UMKM themselves and
// their fostering links. Values follow src/registry/identifiers.ts so every generated NIK and phone validates.
import { ColumnBuffer, Pipeline, reserveIds } from './bulk.ts';
import type { Member, SeedContext, SeedModule } from './context.ts';
import { digits, drawFigures, drawOwner, pad } from './registry-draws.ts';
import { businessName, lines, loadProfile, people } from './vocabulary.ts';

const DAY = 86_400_000;
const REGISTRATION_FROM = Date.UTC(2019, 0, 1);
const REGISTRATION_TO = Date.UTC(2024, 11, 31);

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const OWNER_COLUMNS = [
  ['id', 'int8'],
  ['full_name', 'text'],
  ['nik_enc', 'bytea'],
  ['nik_hash', 'bytea'],
  ['nik_last4', 'text'],
  ['nik_region', 'text'],
  ['phone_enc', 'bytea'],
  ['phone_hash', 'bytea'],
  ['gender', 'text'],
  ['birth_date', 'date'],
  ['created_at', 'timestamptz'],
] as const;
const UMKM_COLUMNS = [
  ['id', 'int8'],
  ['owner_id', 'int8'],
  ['name', 'text'],
  ['kind', 'text'],
  ['nib', 'text'],
  ['npwp', 'text'],
  ['kbli_code', 'text'],
  ['village_code', 'text'],
  ['address', 'text'],
  ['postal_code', 'text'],
  ['start_year', 'int4'],
  ['workers', 'int4'],
  ['capital', 'int8'],
  ['annual_sales', 'int8'],
  ['size_class', 'text'],
  ['status', 'text'],
  ['registered_at', 'timestamptz'],
] as const;
const LINK_COLUMNS = [
  ['umkm_id', 'int8'],
  ['agency_id', 'int4'],
  ['since', 'date'],
] as const;

interface Batch {
  members: Member[];
  owners: ColumnBuffer;
  umkm: ColumnBuffer;
  links: { member: number; agency: number; since: string }[];
}

async function ensureFosteringAgencies(
  ctx: SeedContext,
  profile: ReturnType<typeof loadProfile>,
): Promise<{ ids: number[]; weights: number[] }> {
  const list = profile.fostering_agencies;
  await ctx.q.query(
    `insert into fostering_agency (code, name) select * from unnest($1::text[], $2::text[]) on conflict (code) do nothing`,
    [list.map((a) => a.code), list.map((a) => a.name)],
  );
  const rows = await ctx.q.query<{ id: number; code: string }>(
    `select id, code from fostering_agency where code = any($1::text[])`,
    [list.map((a) => a.code)],
  );
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  return { ids: list.map((a) => byCode.get(a.code) as number), weights: list.map((a) => a.weight) };
}

export function registryModule(profileName = 'jakarta'): SeedModule {
  return {
    name: 'registry',
    units: (scale) => scale.umkm,
    async run(ctx) {
      const profile = loadProfile(profileName);
      const rng = ctx.rng('registry');
      const agencies = await ensureFosteringAgencies(ctx, profile);
      const { cities, villages } = ctx.geography;
      const inhabited = cities.filter((c) => c.villages.length);
      const cityWeights = inhabited.map((c) => c.weight);
      const lineWeights = lines.map((l) => l.weight);
      const serials = new Map<string, number>();
      const nibs = new Set<string>();
      let linkCount = 0;

      const generate = (offset: number, n: number): Batch => {
        const b: Batch = {
          members: [],
          owners: new ColumnBuffer(OWNER_COLUMNS),
          umkm: new ColumnBuffer(UMKM_COLUMNS),
          links: [],
        };
        for (let i = 0; i < n; i++) {
          const city = inhabited[rng.weighted(cityWeights)]!;
          const villageIndex = rng.pick(city.villages);
          const village = villages[villageIndex]!;
          // Owner. Most Jakpreneur members are women running a home business.
          const { female, fullName, nick, hon, birthYear, birthMonth, birthDay, nik, phone } = drawOwner(
            rng,
            village.districtCode,
            serials,
          );

          // Business.
          const lineIndex = rng.weighted(lineWeights);
          const line = lines[lineIndex]!;
          const name = businessName(rng, line, hon, nick, village.name);
          const { sizeClass, annualSales, capital, workers } = drawFigures(rng);
          const startYear = Math.max(
            birthYear + 18,
            2024 - Math.floor(rng.next() * rng.next() * (sizeClass === 'micro' ? 25 : 40)),
          );
          const regFrom = Math.max(REGISTRATION_FROM, Date.UTC(startYear, 0, 1));
          const registeredAt = regFrom + Math.floor(rng.next() * (REGISTRATION_TO - regFrom));
          let nib: string | null = null;
          if (rng.chance(sizeClass === 'micro' ? 0.62 : 0.98)) {
            do nib = `9${digits(rng, 12)}`;
            while (nibs.has(nib));
            nibs.add(nib);
          }
          const npwp = sizeClass === 'micro' ? null : `0${digits(rng, 15)}`; // an entity (CV/PT) NPWP: never the owner's NIK in clear
          const address = `${rng.pick(people.streets)} No. ${rng.int(1, 150)}, RT ${pad(rng.int(1, 15), 3)}/RW ${pad(rng.int(1, 12), 3)}`;
          const status = rng.chance(0.96) ? 'active' : 'inactive';

          const memberIndex = b.members.length;
          const member: Member = {
            id: 0,
            line: lineIndex,
            name,
            brand: `${hon} ${nick}`,
            village: villageIndex,
            sizeClass,
            registeredAt,
          };
          b.members.push(member);
          ctx.members[offset + i] = member; // by generation order, whatever order the batches commit in
          const at = new Date(registeredAt).toISOString();
          b.owners.push(
            0,
            fullName,
            ctx.keys.encrypt(nik),
            ctx.keys.hash(nik),
            nik.slice(12),
            village.districtCode,
            phone && ctx.keys.encrypt(phone),
            phone && ctx.keys.hash(phone),
            female ? 'female' : 'male',
            `${birthYear}-${pad(birthMonth)}-${pad(birthDay)}`,
            at,
          );
          b.umkm.push(
            0,
            0,
            name,
            'jakpreneur',
            nib,
            npwp,
            line.kbli,
            village.code,
            address,
            village.postalCode,
            startYear,
            workers,
            capital,
            annualSales,
            sizeClass,
            status,
            at,
          );
          // Every member has a pengampu; one in ten is fostered by a second one too (the register counts it once).
          const first = rng.weighted(agencies.weights);
          b.links.push({ member: memberIndex, agency: agencies.ids[first]!, since: isoDate(registeredAt) });
          if (agencies.ids.length > 1 && rng.chance(0.1)) {
            const second = (first + 1 + rng.int(0, agencies.ids.length - 2)) % agencies.ids.length;
            b.links.push({
              member: memberIndex,
              agency: agencies.ids[second]!,
              since: isoDate(Math.min(registeredAt + rng.int(30, 700) * DAY, REGISTRATION_TO)),
            });
          }
          ctx.digest.update(`${name}|${line.kbli}|${village.code}|${nib ?? ''}|${annualSales}\n`);
        }
        return b;
      };

      const write = async (b: Batch) => {
        const n = b.members.length;
        const ownerIds = await reserveIds(ctx.q, 'owner', n);
        const umkmIds = await reserveIds(ctx.q, 'umkm', n);
        b.owners.values[0] = ownerIds;
        b.umkm.values[0] = umkmIds;
        b.umkm.values[1] = ownerIds;
        for (const [i, m] of b.members.entries()) m.id = umkmIds[i]!;
        await b.owners.flush(ctx.q, 'owner', { withIds: true });
        await b.umkm.flush(ctx.q, 'umkm', { withIds: true });
        const links = new ColumnBuffer(LINK_COLUMNS);
        for (const l of b.links) links.push(umkmIds[l.member], l.agency, l.since);
        await links.flush(ctx.q, 'fostering_link');
        linkCount += b.links.length;
        ctx.progress.tick(n);
      };

      // Generate the next batch while the previous ones are being inserted.
      const pipeline = new Pipeline(ctx.parallel);
      for (let start = 0; start < ctx.scale.umkm; start += ctx.batch) {
        const batch = generate(start, Math.min(ctx.batch, ctx.scale.umkm - start));
        await pipeline.add(() => write(batch));
      }
      await pipeline.drain();
      return {
        fostering_agency: agencies.ids.length,
        owner: ctx.scale.umkm,
        umkm: ctx.scale.umkm,
        fostering_link: linkCount,
      };
    },
  };
}
