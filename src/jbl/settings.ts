// The jbl.* settings in force on a day (effective-dated, db/reference/instance.json), as the schedule needs them.
import type { Queryable } from '../platform/db/types.ts';
import { AppError } from '../platform/http/problem.ts';
import { DEFAULT_ZONE } from '../platform/time.ts';
import type { ScheduleSettings } from './schedule.ts';

export interface JblSettings extends ScheduleSettings {
  hostRotation: string[]; // jbl.host_rotation: kota codes in turn
}

const KEYS = [
  'instance.time_zone',
  'jbl.preorder_opens',
  'jbl.preorder_closes',
  'jbl.live_session',
  'jbl.host_rotation',
];

/**
 * Every version of the settings, read once, as a function of the day: planning a year asks for 52 Fridays in one
 * transaction.
 */
export async function jblSettings(db: Queryable): Promise<(day: string) => JblSettings> {
  const rows = await db.query<{ key: string; effective_from: string; value: unknown }>(
    `select key, effective_from::text as effective_from, value from setting where key = any($1::text[])
      order by key, effective_from desc`,
    [KEYS],
  );
  return (day) => {
    const on = <T>(key: string): T | undefined =>
      rows.find((r) => r.key === key && r.effective_from <= day)?.value as T | undefined;
    const need = <T>(key: string): T => {
      const v = on<T>(key);
      if (v === undefined)
        throw new AppError(409, 'jbl_settings_missing', {
          id: `Pengaturan ${key} belum berlaku pada ${day}: Jumat Beli Lokal belum berjalan saat itu.`,
          en: `The setting ${key} is not in force on ${day}: Jumat Beli Lokal was not running then.`,
        });
      return v;
    };
    return {
      zone: on<string>('instance.time_zone') ?? DEFAULT_ZONE,
      preorderOpens: need('jbl.preorder_opens'),
      preorderCloses: need('jbl.preorder_closes'),
      liveSession: need('jbl.live_session'),
      hostRotation: need('jbl.host_rotation'),
    };
  };
}

/** The settings in force on one day. */
export const jblSettingsOn = async (db: Queryable, day: string): Promise<JblSettings> => (await jblSettings(db))(day);
