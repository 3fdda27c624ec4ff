// "A server in UTC and one in Asia/Jakarta agree on when pre-orders close": the schedule is computed in child
// processes whose TZ is UTC, Asia/Jakarta and America/Los_Angeles (which has daylight saving), and compared. The
// probe also reports its own local time, so the test fails if the TZ setting did not take effect.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const probe = path.resolve(import.meta.dirname, '../../test/support/jbl-schedule-probe.ts');
// Fridays on both sides of the US daylight-saving changes, a year boundary and a leap day.
const FRIDAYS = ['2026-03-06', '2026-03-13', '2026-11-06', '2026-12-11', '2027-01-01', '2028-03-03'];

function runIn(tz: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', probe, ...FRIDAYS], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(out) as {
    tz: string;
    offsetMinutes: number;
    naiveThursday2000: string;
    schedules: { friday: string; preorderClosesAt: string; justBefore: string; atClose: string }[];
  };
}

describe('edition schedule under different server time zones', { timeout: 120_000 }, () => {
  it('gives the same instants on a server in UTC, in Asia/Jakarta and in America/Los_Angeles', () => {
    const [utc, jakarta, la] = ['UTC', 'Asia/Jakarta', 'America/Los_Angeles'].map(runIn) as [
      ReturnType<typeof runIn>,
      ReturnType<typeof runIn>,
      ReturnType<typeof runIn>,
    ];
    // The zone really differed between the processes: naive local-time code would disagree.
    expect([utc.offsetMinutes, jakarta.offsetMinutes, la.offsetMinutes]).toEqual([0, -420, 480]);
    expect(new Set([utc.naiveThursday2000, jakarta.naiveThursday2000, la.naiveThursday2000]).size).toBe(3);

    expect(jakarta.schedules).toEqual(utc.schedules);
    expect(la.schedules).toEqual(utc.schedules);
    // And the instants are Thursday 20:00 WIB (13:00 UTC).
    expect(utc.schedules.find((s) => s.friday === '2026-12-11')).toMatchObject({
      preorderClosesAt: '2026-12-10T13:00:00.000Z',
      justBefore: 'preorder',
      atClose: 'waiting',
    });
    expect(utc.schedules.map((s) => s.preorderClosesAt.slice(11))).toEqual(FRIDAYS.map(() => '13:00:00.000Z'));
  });
});
