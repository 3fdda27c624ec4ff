// The edition schedule as a pure function: Fridays across the year, a moved day, another zone, the Fridays of a year.
import { describe, expect, it } from 'vitest';
import { editionSchedule, fridaysOf, phaseAt, type ScheduleSettings } from './schedule.ts';

const JAKARTA: ScheduleSettings = {
  zone: 'Asia/Jakarta',
  preorderOpens: { weekday: 'monday', time: '00:00' },
  preorderCloses: { weekday: 'thursday', time: '20:00' },
  liveSession: { weekday: 'friday', start: '10:00', end: '11:00' },
};
const iso = (s: ReturnType<typeof editionSchedule>) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.toISOString()]));

describe('editionSchedule', () => {
  it('opens Monday 00:00, closes Thursday 20:00 and runs Friday 10:00–11:00 WIB, as UTC instants', () => {
    expect(iso(editionSchedule('2026-12-11', JAKARTA))).toEqual({
      preorderOpensAt: '2026-12-06T17:00:00.000Z', // Monday 7 Dec 00:00 WIB
      preorderClosesAt: '2026-12-10T13:00:00.000Z',
      liveStartsAt: '2026-12-11T03:00:00.000Z',
      liveEndsAt: '2026-12-11T04:00:00.000Z',
    });
    // Across the year boundary: pre-orders open in the old year.
    expect(iso(editionSchedule('2027-01-01', JAKARTA))).toEqual({
      preorderOpensAt: '2026-12-27T17:00:00.000Z',
      preorderClosesAt: '2026-12-31T13:00:00.000Z',
      liveStartsAt: '2027-01-01T03:00:00.000Z',
      liveEndsAt: '2027-01-01T04:00:00.000Z',
    });
    // Across a leap day.
    expect(iso(editionSchedule('2028-03-03', JAKARTA))).toMatchObject({
      preorderOpensAt: '2028-02-27T17:00:00.000Z',
      preorderClosesAt: '2028-03-02T13:00:00.000Z',
    });
    // The first edition of the programme, 10 Sep 2021.
    expect(iso(editionSchedule('2021-09-10', JAKARTA)).liveStartsAt).toBe('2021-09-10T03:00:00.000Z');
  });

  it('moves the whole week with a moved edition, and follows the instance zone and settings', () => {
    // Held on Thursday 25 Mar 2027 instead of Good Friday: closes Wednesday 20:00 WIB.
    expect(iso(editionSchedule('2027-03-25', JAKARTA))).toMatchObject({
      preorderOpensAt: '2027-03-20T17:00:00.000Z',
      preorderClosesAt: '2027-03-24T13:00:00.000Z',
      liveStartsAt: '2027-03-25T03:00:00.000Z',
    });
    // Another instance in WITA with a Wednesday close and an evening session.
    const makassar: ScheduleSettings = {
      zone: 'Asia/Makassar',
      preorderOpens: { weekday: 'saturday', time: '08:00' },
      preorderCloses: { weekday: 'wednesday', time: '18:30' },
      liveSession: { weekday: 'friday', start: '19:00', end: '21:00' },
    };
    expect(iso(editionSchedule('2026-12-11', makassar))).toEqual({
      preorderOpensAt: '2026-12-05T00:00:00.000Z', // the Saturday before, 08:00 WITA
      preorderClosesAt: '2026-12-09T10:30:00.000Z',
      liveStartsAt: '2026-12-11T11:00:00.000Z',
      liveEndsAt: '2026-12-11T13:00:00.000Z',
    });
  });

  it('lists the Fridays of a year and says where an edition stands by the clock', () => {
    expect(fridaysOf(2027)).toHaveLength(53);
    expect(fridaysOf(2026)).toHaveLength(52);
    expect([fridaysOf(2026)[0], fridaysOf(2026).at(-1)]).toEqual(['2026-01-02', '2026-12-25']);
    const s = editionSchedule('2026-12-11', JAKARTA);
    const at = (iso: string) => phaseAt(s, new Date(iso));
    expect(
      [
        '2026-12-06T16:59Z',
        '2026-12-06T17:00Z',
        '2026-12-10T12:59Z',
        '2026-12-10T13:00Z',
        '2026-12-11T03:30Z',
        '2026-12-11T04:00Z',
      ].map(at),
    ).toEqual(['before', 'preorder', 'preorder', 'waiting', 'live', 'after']);
  });
});

describe('settings out of order', () => {
  it('are refused as a 409 naming the day in both languages, not a server error', () => {
    const late = { ...JAKARTA, preorderCloses: { weekday: 'friday' as const, time: '12:00' } };
    expect(() => editionSchedule('2026-12-11', late)).toThrow(
      expect.objectContaining({
        status: 409,
        code: 'jbl_settings_invalid',
        bilingual: expect.objectContaining({ id: expect.stringContaining('2026-12-11') }),
      }),
    );
  });
});
