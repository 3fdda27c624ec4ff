// The registry seed's draws of the values identifiers.ts validates (NIK, mobile phone) and of a business's size
// figures. Each draw takes the member's random numbers in a fixed order: changing it changes every generated row.
import type { Rng } from './prng.ts';
import { people } from './vocabulary.ts';

const JUTA = 1_000_000;
const MILIAR = 1_000_000_000;

// Indonesian mobile prefixes after the 0 (Telkomsel, Indosat, XL, Axis, Smartfren, Tri): all match 8[1-35-9].
const MOBILE_PREFIXES = [
  '811',
  '812',
  '813',
  '821',
  '822',
  '823',
  '851',
  '852',
  '853',
  '814',
  '815',
  '816',
  '855',
  '856',
  '857',
  '858',
  '817',
  '818',
  '819',
  '859',
  '877',
  '878',
  '831',
  '832',
  '833',
  '838',
  '881',
  '882',
  '887',
  '888',
  '895',
  '896',
  '897',
  '898',
  '899',
];

export const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const digits = (rng: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};
/** Log-uniform between lo and hi, rounded to `step`: sales and capital spread over orders of magnitude. */
const logUniform = (rng: Rng, lo: number, hi: number, step: number) =>
  Math.max(step, Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))) / step) * step);

/** An owner: name, sex and birth date, and the NIK they give (unique per district, sex and birth date), and a phone. */
export function drawOwner(rng: Rng, districtCode: string, serials: Map<string, number>) {
  const female = rng.chance(0.64);
  const [given, nick] = rng.pick(female ? people.female : people.male);
  const fullName = rng.chance(0.75) ? `${given} ${rng.pick(people.family)}` : given;
  const hon = rng.pick(female ? people.honorific.female : people.honorific.male);
  const birthYear = 1950 + Math.floor(((rng.next() + rng.next()) / 2) * 56); // 1950..2005, most in the middle
  const birthMonth = rng.int(1, 12);
  const birthDay = rng.int(1, new Date(Date.UTC(birthYear, birthMonth, 0)).getUTCDate());
  const nikHead = `${districtCode}${pad(birthDay + (female ? 40 : 0))}${pad(birthMonth)}${pad(birthYear % 100)}`;
  const serial = (serials.get(nikHead) ?? rng.int(0, 20)) + 1;
  serials.set(nikHead, serial);
  const nik = `${nikHead}${pad(serial, 4)}`;
  const hasPhone = rng.chance(0.93);
  const phone = hasPhone ? `+62${rng.pick(MOBILE_PREFIXES)}${digits(rng, rng.int(6, 8))}` : null;
  return { female, fullName, nick, hon, birthYear, birthMonth, birthDay, nik, phone };
}

/** A business's size class and the figures that put it there (annual sales, capital, workers). */
export function drawFigures(rng: Rng) {
  const r = rng.next();
  const sizeClass: 'micro' | 'small' | 'medium' = r < 0.93 ? 'micro' : r < 0.99 ? 'small' : 'medium';
  // Size class by annual sales (PP 7/2021 Pasal 35, existing businesses); capital stays within the same class.
  const annualSales =
    sizeClass === 'micro'
      ? logUniform(rng, 12 * JUTA, 1.9 * MILIAR, 100_000)
      : sizeClass === 'small'
        ? logUniform(rng, 2.1 * MILIAR, 14.5 * MILIAR, JUTA)
        : logUniform(rng, 15.5 * MILIAR, 48 * MILIAR, 10 * JUTA);
  const capital =
    sizeClass === 'micro'
      ? logUniform(rng, 2 * JUTA, 400 * JUTA, 500_000)
      : sizeClass === 'small'
        ? logUniform(rng, 300 * JUTA, 4 * MILIAR, 10 * JUTA)
        : logUniform(rng, 2 * MILIAR, 9.5 * MILIAR, 50 * JUTA);
  const workers =
    sizeClass === 'micro'
      ? rng.weighted([35, 30, 20, 10, 5]) + 1
      : sizeClass === 'small'
        ? rng.int(5, 19)
        : rng.int(20, 99);
  return { sizeClass, annualSales, capital, workers };
}
