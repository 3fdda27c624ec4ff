// When an edition happens: the pre-order window and the live session of the edition of one Friday, computed from the
// settings as wall-clock times in the instance's zone (WIB in Jakarta) and returned as instants. Pure: the same answer
// on a server in UTC, in Asia/Jakarta or anywhere else (schedule-tz.test.ts runs it under several TZ values).
import { AppError } from '../platform/http/problem.ts';
import { addDays, atLocal, weekdayOf } from '../platform/time.ts';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A weekday of the edition's week and a wall-clock time, e.g. thursday 20:00. */
export interface WeekdayTime {
  weekday: Weekday;
  time: string; // HH:MM
}

/** The settings an edition's schedule is computed from (the `jbl.*` settings in force on its Friday). */
export interface ScheduleSettings {
  zone: string; // instance.time_zone
  preorderOpens: WeekdayTime; // jbl.preorder_opens
  preorderCloses: WeekdayTime; // jbl.preorder_closes
  liveSession: { weekday: Weekday; start: string; end: string }; // jbl.live_session
}

export interface EditionSchedule {
  preorderOpensAt: Date;
  preorderClosesAt: Date;
  liveStartsAt: Date;
  liveEndsAt: Date;
}

/**
 * The day of `weekday` in the run-up to the Friday `friday`: the last such weekday on or before it (Monday is 4 days
 * before, Thursday 1, Friday the day itself, Saturday 6: the Saturday before).
 */
function dayOfWeek(friday: string, weekday: Weekday): string {
  return addDays(friday, -((5 - WEEKDAYS.indexOf(weekday) + 7) % 7));
}

/**
 * The four instants of the edition held on `day` (its Friday, or the day a holiday edition was moved to: the whole
 * schedule moves with it, so pre-orders still close the evening before). Refuses settings in the wrong order.
 */
export function editionSchedule(day: string, s: ScheduleSettings): EditionSchedule {
  const at = (w: Weekday, time: string) => atLocal(dayOfWeek(day, w), time, s.zone);
  const out = {
    preorderOpensAt: at(s.preorderOpens.weekday, s.preorderOpens.time),
    preorderClosesAt: at(s.preorderCloses.weekday, s.preorderCloses.time),
    liveStartsAt: at(s.liveSession.weekday, s.liveSession.start),
    liveEndsAt: at(s.liveSession.weekday, s.liveSession.end),
  };
  if (
    !(out.preorderOpensAt < out.preorderClosesAt && out.preorderClosesAt <= out.liveStartsAt) ||
    !(out.liveStartsAt < out.liveEndsAt)
  )
    // A configuration the Dinas can fix (the jbl.* settings in force that day), not a server fault: a 409 naming it.
    throw new AppError(409, 'jbl_settings_invalid', {
      id: `Pengaturan jbl.* yang berlaku pada ${day} tidak berurutan: pre-order harus dibuka, lalu ditutup, sebelum sesi langsung.`,
      en: `The jbl.* settings in force on ${day} are out of order: pre-orders must open, then close, before the live session.`,
    });
  return out;
}

/** The Fridays of a calendar year, in order. */
export function fridaysOf(year: number): string[] {
  let d = `${String(year).padStart(4, '0')}-01-01`;
  d = addDays(d, (5 - weekdayOf(d) + 7) % 7);
  const out: string[] = [];
  for (; d.startsWith(String(year).padStart(4, '0')); d = addDays(d, 7)) out.push(d);
  return out;
}

/** Where an edition stands at `now` by the clock alone (the stored status is what the admin did). */
export function phaseAt(s: EditionSchedule, now: Date): 'before' | 'preorder' | 'waiting' | 'live' | 'after' {
  if (now < s.preorderOpensAt) return 'before';
  if (now < s.preorderClosesAt) return 'preorder';
  if (now < s.liveStartsAt) return 'waiting';
  if (now < s.liveEndsAt) return 'live';
  return 'after';
}
