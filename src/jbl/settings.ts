// The jbl.* settings in force on a day (effective-dated, db/reference/instance.json), as the schedule needs them.
import type { Queryable } from '../platform/db/types.ts';
import { settingOn } from '../platform/settings.ts';
import { DEFAULT_ZONE } from '../platform/time.ts';
import type { ScheduleSettings } from './schedule.ts';

export interface JblSettings extends ScheduleSettings {
  hostRotation: string[]; // jbl.host_rotation: kota codes in turn
}

export async function jblSettingsOn(db: Queryable, day: string): Promise<JblSettings> {
  const need = async <T>(key: string): Promise<T> => {
    const s = await settingOn<T>(db, key, day);
    if (!s) throw new Error(`setting ${key} is missing on ${day}`);
    return s.value;
  };
  return {
    zone: (await settingOn<string>(db, 'instance.time_zone', day))?.value ?? DEFAULT_ZONE,
    preorderOpens: await need('jbl.preorder_opens'),
    preorderCloses: await need('jbl.preorder_closes'),
    liveSession: await need('jbl.live_session'),
    hostRotation: await need('jbl.host_rotation'),
  };
}
