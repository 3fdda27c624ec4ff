// Run as a child process with a chosen TZ (src/jbl/schedule-tz.test.ts): prints, as JSON, the process's own idea of
// local time (to prove TZ took effect) and the schedules of the Fridays given as arguments under the default settings.
import { editionSchedule, phaseAt } from '../../src/jbl/schedule.ts';

const settings = {
  zone: 'Asia/Jakarta',
  preorderOpens: { weekday: 'monday', time: '00:00' },
  preorderCloses: { weekday: 'thursday', time: '20:00' },
  liveSession: { weekday: 'friday', start: '10:00', end: '11:00' },
} as const;

const fridays = process.argv.slice(2);
const out = {
  tz: process.env.TZ,
  // What the process's own zone makes of a time: the offset in minutes, and Thursday 20:00 read naively as local time.
  offsetMinutes: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
  naiveThursday2000: new Date(2026, 11, 10, 20, 0).toISOString(),
  schedules: fridays.map((f) => {
    const s = editionSchedule(f, settings);
    return {
      friday: f,
      preorderOpensAt: s.preorderOpensAt.toISOString(),
      preorderClosesAt: s.preorderClosesAt.toISOString(),
      liveStartsAt: s.liveStartsAt.toISOString(),
      liveEndsAt: s.liveEndsAt.toISOString(),
      // A minute before and at the close, as a server clock would ask.
      justBefore: phaseAt(s, new Date(s.preorderClosesAt.getTime() - 60_000)),
      atClose: phaseAt(s, s.preorderClosesAt),
    };
  }),
};
process.stdout.write(JSON.stringify(out));
