// The Dinas plans a year of editions: one per Friday whose pre-orders have not opened yet, hosted by the kota in
// rotation (continuing from the edition before), with its schedule from the settings in force on that Friday and its
// holiday flag from the shipped calendar. One transaction: the editions and an audit row for each.
import type { Acting } from '../platform/auth/acting.ts';
import { audit } from '../platform/audit.ts';
import type { Tx } from '../platform/db/types.ts';
import { AppError, fieldError, validationFailed } from '../platform/http/problem.ts';
import { editionSchedule, fridaysOf } from './schedule.ts';
import type { EditionYearInput } from './schema.ts';
import { jblSettings } from './settings.ts';

/** The rotation to use: the given one (or the setting), every code a kota of the instance, none twice. */
async function rotationOf(tx: Tx, input: EditionYearInput, fallback: string[]): Promise<string[]> {
  const rotation = input.hostRotation ?? fallback;
  const field = input.hostRotation ? 'body.hostRotation' : 'setting.jbl.host_rotation';
  const known = await tx.query<{ code: string }>(
    `select code from region where level = 'city' and code = any($1::text[])`,
    [rotation],
  );
  const unknown = rotation.filter((c) => !known.some((k) => k.code === c));
  const errors = [];
  if (unknown.length)
    errors.push(
      fieldError(
        field,
        'unknown_kota',
        `Bukan kode kota: ${unknown.join(', ')}`,
        `Not a kota code: ${unknown.join(', ')}`,
      ),
    );
  if (new Set(rotation).size !== rotation.length)
    errors.push(fieldError(field, 'duplicate', 'Ada kota yang disebut dua kali.', 'A kota is listed twice.'));
  if (input.firstHost !== undefined && !rotation.includes(input.firstHost))
    errors.push(
      fieldError(
        'body.firstHost',
        'not_in_rotation',
        'Kota ini tidak ada dalam giliran.',
        'This kota is not in the rotation.',
      ),
    );
  if (errors.length) throw validationFailed(errors);
  return rotation;
}

export async function planEditionYear(tx: Tx, acting: Acting, input: EditionYearInput): Promise<number[]> {
  // One planner at a time: the rotation continues from what is already planned.
  await tx.query('lock table jbl_edition in share row exclusive mode');
  const fridays = fridaysOf(input.year);
  const existing = await tx.query<{ friday: string; host_region_code: string; status: string }>(
    `select friday, host_region_code, status from jbl_edition where friday between $1 and $2 order by friday`,
    [fridays[0], fridays.at(-1)],
  );
  const [before] = await tx.query<{ host_region_code: string }>(
    `select host_region_code from jbl_edition where friday < $1 and status <> 'skipped' order by friday desc limit 1`,
    [fridays[0]],
  );
  const holidays = await tx.query<{ date: string; names: string }>(
    `select date::text as date, string_agg(name, '; ' order by name) as names from holiday
      where date = any($1::date[]) group by date`,
    [fridays],
  );

  const settingsOn = await jblSettings(tx);
  const rotation = await rotationOf(tx, input, settingsOn(fridays[0]!).hostRotation);
  let last = before ? rotation.indexOf(before.host_region_code) : -1;
  let first = true;
  const created: number[] = [];
  for (const friday of fridays) {
    const had = existing.find((e) => e.friday === friday);
    if (had) {
      if (had.status !== 'skipped' && rotation.includes(had.host_region_code))
        last = rotation.indexOf(had.host_region_code);
      continue;
    }
    const s = editionSchedule(friday, settingsOn(friday));
    if (s.preorderOpensAt <= acting.now) continue; // too late to plan: its pre-orders would already be open
    const next =
      first && input.firstHost !== undefined ? rotation.indexOf(input.firstHost) : (last + 1) % rotation.length;
    first = false;
    last = next;
    const host = rotation[next]!;
    const holiday = holidays.find((h) => h.date === friday)?.names ?? null;
    const [row] = await tx.query<{ id: number }>(
      `insert into jbl_edition (friday, held_on, host_region_code, preorder_opens_at, preorder_closes_at, live_starts_at,
         live_ends_at, holiday_name, created_by, created_at, updated_at)
       values ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $9) returning id`,
      [
        friday,
        host,
        s.preorderOpensAt,
        s.preorderClosesAt,
        s.liveStartsAt,
        s.liveEndsAt,
        holiday,
        acting.who.accountId,
        acting.now,
      ],
    );
    created.push(row!.id);
    await audit(tx, acting.who, {
      action: 'jbl.edition_plan',
      entityType: 'jbl_edition',
      entityId: row!.id,
      after: { friday, host, ...s, holiday },
    });
  }
  if (!created.length)
    throw new AppError(409, 'editions_exist', {
      id: `Semua Jumat tahun ${input.year} yang masih bisa direncanakan sudah punya edisi.`,
      en: `Every Friday of ${input.year} that can still be planned already has an edition.`,
    });
  return created;
}
