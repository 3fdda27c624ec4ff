import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/support/db.ts';
import type { Db } from '../platform/db/types.ts';
import { dueOn } from './sla.ts';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';

// 2026: Wed 27 May Idul Adha, Mon 1 Jun Hari Lahir Pancasila (db/reference/holidays-id-2025-2027.csv).
const HOLIDAYS = new Set(['2026-05-27', '2026-06-01']);
let db: Db;
beforeAll(async () => {
  db = await testDb();
});

describe('working days (WIB)', () => {
  it('skip weekends and holidays when adding', () => {
    expect(addWorkingDays('2026-05-28', 1, HOLIDAYS)).toBe('2026-05-29'); // Thu → Fri
    expect(addWorkingDays('2026-05-28', 2, HOLIDAYS)).toBe('2026-06-02'); // over Sat, Sun and the Monday holiday
    expect(addWorkingDays('2026-05-30', 1, HOLIDAYS)).toBe('2026-06-02'); // begun on a Saturday
    expect(addWorkingDays('2026-05-26', 1, HOLIDAYS)).toBe('2026-05-28'); // over the Wednesday holiday
  });

  it('count the working days between two dates', () => {
    expect(workingDaysBetween('2026-05-29', '2026-06-03', HOLIDAYS)).toBe(2);
    expect(workingDaysBetween('2026-05-29', '2026-05-31', HOLIDAYS)).toBe(0);
    expect(workingDaysBetween('2026-06-03', '2026-05-29', HOLIDAYS)).toBe(0);
  });

  it('give each step its due date from the effective SLA setting and the holiday table, on Jakarta days', async () => {
    // Thursday 28 May 2026, 01:00 WIB (still Wednesday in UTC): verify within 3 working days → Wednesday 3 June.
    expect(await dueOn(db, 'verify', new Date('2026-05-27T18:00:00Z'))).toBe('2026-06-03');
    // Scoring within 5: Fri 29, Tue 2, Wed 3, Thu 4, Fri 5 June.
    expect(await dueOn(db, 'score', new Date('2026-05-28T03:00:00Z'))).toBe('2026-06-05');
  });
});
