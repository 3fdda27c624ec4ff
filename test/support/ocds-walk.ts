// Walks a running server's OCDS API as a data user would, and checks what it finds: every page of
// /api/ocds/releases by its links.next until the end, then /api/ocds/records/{ocid} for the ocids asked for. Each
// package is validated against the OCDS 1.1 schema with formats (test/support/ocds.ts), and each release against
// the rules a reviewer of our data would check beyond the schema (releaseProblems). Used by the demo server's e2e
// check (test/e2e/ocds-demo.e2e.ts) and the jakarta-scale bench (bench/ocds.ts).
import type { Release } from '../../src/procurement/ocds/schema.ts';
import { codelist, type OcdsPackageKind, ocdsErrors } from './ocds.ts';

/** The values of the supplier-size field our publication fills (OCDS partyScale: micro, sme, large). */
export const SCALES = ['micro', 'sme', 'large'] as const;

const CODELISTS = {
  method: new Set(codelist('method')),
  category: new Set(codelist('procurementCategory')),
  tag: new Set(codelist('releaseTag')),
  role: new Set(codelist('partyRole')),
  tender: new Set(codelist('tenderStatus')),
  award: new Set(codelist('awardStatus')),
  contract: new Set(codelist('contractStatus')),
  initiation: new Set(codelist('initiationType')),
};
const WIB_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/;

type Json = unknown;

/** Every OCDS Value under `v` (an object with `currency`), with its JSON path. */
function valuesIn(v: Json, at: string, out: { at: string; value: Record<string, unknown> }[] = []) {
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) valuesIn(x, `${at}/${i}`, out);
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('currency' in o || typeof o.amount === 'number') out.push({ at, value: o });
    for (const [k, x] of Object.entries(o)) if (x && typeof x === 'object') valuesIn(x, `${at}/${k}`, out);
  }
  return out;
}

/**
 * What a reviewer checks in one release beyond the schema (empty when all is well): money in whole rupiah (IDR),
 * the method, category, statuses, tags and roles in their closed codelists, release dates in WIB, every organisation
 * that is referenced (buyer, procuring entity, supplier, payer, payee) present in `parties` with the matching role,
 * and every supplier's size in `details.scale`.
 */
export function releaseProblems(r: Release): string[] {
  const p: string[] = [];
  const where = `release ${r.id}`;
  for (const { at, value } of valuesIn(r, '')) {
    if (value.currency !== 'IDR') p.push(`${where} ${at}: currency ${String(value.currency)}, not IDR`);
    if (!Number.isSafeInteger(value.amount) || (value.amount as number) < 0)
      p.push(`${where} ${at}: amount ${String(value.amount)} is not a whole non-negative rupiah amount`);
  }
  if (!WIB_DATE.test(r.date)) p.push(`${where}: date ${r.date} is not a WIB date-time`);
  if (!CODELISTS.initiation.has(r.initiationType)) p.push(`${where}: initiationType ${r.initiationType}`);
  for (const t of r.tag) if (!CODELISTS.tag.has(t)) p.push(`${where}: tag ${t} not in releaseTag`);
  if (r.tender) {
    const t = r.tender;
    if (!CODELISTS.method.has(t.procurementMethod)) p.push(`${where}: procurementMethod ${t.procurementMethod}`);
    if (!t.procurementMethodDetails) p.push(`${where}: procurementMethodDetails empty`);
    if (!CODELISTS.category.has(t.mainProcurementCategory))
      p.push(`${where}: mainProcurementCategory ${t.mainProcurementCategory}`);
    if (!CODELISTS.tender.has(t.status)) p.push(`${where}: tender.status ${t.status}`);
  }
  const parties = new Map(r.parties.map((x) => [x.id, x]));
  if (parties.size !== r.parties.length) p.push(`${where}: a party id appears twice`);
  for (const x of r.parties)
    for (const role of x.roles) if (!CODELISTS.role.has(role)) p.push(`${where}: role ${role}`);
  const needs = (ref: { id: string } | undefined, role: string, what: string) => {
    if (!ref) return;
    const party = parties.get(ref.id);
    if (!party) p.push(`${where}: ${what} ${ref.id} is not in parties`);
    else if (!(party.roles as string[]).includes(role)) p.push(`${where}: party ${ref.id} lacks role ${role}`);
  };
  needs(r.buyer, 'buyer', 'buyer');
  needs(r.tender?.procuringEntity, 'procuringEntity', 'procuringEntity');
  for (const a of r.awards ?? []) {
    if (!CODELISTS.award.has(a.status)) p.push(`${where}: award status ${a.status}`);
    if (a.suppliers.length === 0) p.push(`${where}: award ${a.id} has no supplier`);
    for (const s of a.suppliers) needs(s, 'supplier', 'supplier');
  }
  for (const c of r.contracts ?? []) {
    if (c.status && !CODELISTS.contract.has(c.status)) p.push(`${where}: contract status ${c.status}`);
    for (const t of c.implementation?.transactions ?? []) {
      needs(t.payer, 'payer', 'payer');
      needs(t.payee, 'payee', 'payee');
    }
  }
  for (const x of r.parties)
    if ((x.roles as string[]).includes('supplier')) {
      const scale = x.details?.scale;
      if (!scale || !(SCALES as readonly string[]).includes(scale))
        p.push(`${where}: supplier ${x.id} has no details.scale (micro, sme or large)`);
    }
  return p;
}

export interface WalkReport {
  /** Releases seen over all pages. */
  releases: number;
  /** Release packages fetched (pages). */
  packages: number;
  /** Record packages fetched and checked. */
  recordsChecked: number;
  /** Packages (release or record) with a schema error or a problem beyond it. */
  invalid: number;
  /** Problems found, the first 20 (URL: message). */
  problems: string[];
  /** Every ocid seen, in order of first appearance, with the ids of its releases in page order. */
  byOcid: Map<string, string[]>;
  /** The release ids seen more than once over the pages. */
  duplicates: string[];
  pageSeconds: number;
  recordSeconds: number;
  /** When the walk of the pages began (ms since the epoch). */
  walkStartedAt: number;
  /**
   * Releases a record holds that the pages did not list, all dated after the walk began: events that happened
   * while it ran (another user's payment, say). Any other release missing from the pages is a problem.
   */
  lateReleases: number;
  /** Releases dated after the walk began (not a schema matter: seeded data can hold events ahead of the clock). */
  futureDated: number;
}

export function emptyReport(): WalkReport {
  return {
    releases: 0,
    packages: 0,
    recordsChecked: 0,
    invalid: 0,
    problems: [],
    byOcid: new Map(),
    duplicates: [],
    pageSeconds: 0,
    recordSeconds: 0,
    walkStartedAt: Number.NaN,
    lateReleases: 0,
    futureDated: 0,
  };
}

function note(report: WalkReport, url: string, problems: string[]) {
  if (problems.length === 0) return;
  report.invalid++;
  for (const m of problems) if (report.problems.length < 20) report.problems.push(`${url}: ${m}`);
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

function schemaAndRules(kind: OcdsPackageKind, body: unknown, releases: Release[]): string[] {
  const errors = ocdsErrors(kind, body).map((e) => `schema: ${e}`);
  for (const r of releases) errors.push(...releaseProblems(r));
  return errors;
}

/**
 * Follows links.next from `firstUrl` until a page has none, validating each package and its releases; the next
 * page is requested before the current one is checked. Release ids must be unique over all pages and release
 * dates must not go backwards. `onPage` is told the running count (progress).
 */
export async function walkReleases(
  firstUrl: string,
  report: WalkReport,
  onPage?: (r: WalkReport) => void,
): Promise<void> {
  const started = performance.now();
  if (Number.isNaN(report.walkStartedAt)) report.walkStartedAt = Date.now();
  const ids = new Set<string>();
  let lastDate = Number.NEGATIVE_INFINITY;
  let url: string | undefined = firstUrl;
  let pending = getJson(url);
  while (url) {
    const { status, body } = await pending;
    const here: string = url;
    if (status !== 200) {
      note(report, here, [`HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`]);
      break;
    }
    const pkg = body as { releases?: Release[]; links?: { next?: string } };
    url = pkg.links?.next;
    if (url) pending = getJson(url);
    const releases = pkg.releases ?? [];
    report.packages++;
    const problems = schemaAndRules('release', body, releases);
    for (const r of releases) {
      report.releases++;
      if (ids.has(r.id)) report.duplicates.push(r.id);
      ids.add(r.id);
      const list = report.byOcid.get(r.ocid);
      if (list) list.push(r.id);
      else report.byOcid.set(r.ocid, [r.id]);
      const t = Date.parse(r.date);
      if (t > report.walkStartedAt) report.futureDated++;
      if (t < lastDate) problems.push(`release ${r.id} dated ${r.date} comes after a later release`);
      lastDate = Math.max(lastDate, t);
    }
    if (url && !url.startsWith(firstUrl.slice(0, firstUrl.indexOf('/api/'))))
      problems.push(`links.next ${url} leaves the server`);
    note(report, here, problems);
    onPage?.(report);
  }
  for (const d of report.duplicates.slice(0, 5)) note(report, firstUrl, [`release id ${d} appears twice`]);
  report.pageSeconds += (performance.now() - started) / 1000;
}

/**
 * Fetches the record package of each ocid, `clients` at a time, and checks it: valid, one record of that ocid, its
 * releases exactly the ones the pages listed for the ocid (same ids, same order), and a compiled release tagged
 * 'compiled' dated as the newest release whose every contract points to one of its awards.
 */
export async function checkRecords(
  baseUrl: string,
  ocids: string[],
  report: WalkReport,
  clients = 2,
  onRecord?: (r: WalkReport) => void,
): Promise<void> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < ocids.length) {
      const ocid = ocids[next++]!;
      const url = `${baseUrl}/api/ocds/records/${encodeURIComponent(ocid)}`;
      const { status, body } = await getJson(url);
      report.recordsChecked++;
      if (status !== 200) {
        note(report, url, [`HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`]);
        continue;
      }
      const records = (body as { records?: { ocid: string; releases: Release[]; compiledRelease: Release }[] }).records;
      const rec = records?.[0];
      const problems = schemaAndRules('record', body, rec ? [...rec.releases, rec.compiledRelease] : []);
      if (!rec || records.length !== 1 || rec.ocid !== ocid) problems.push('not one record of this ocid');
      else {
        const paged = report.byOcid.get(ocid) ?? [];
        const listed = new Set(paged);
        // A release of an event after the walk began is not on the pages already read; the date is to the second.
        const late = rec.releases.filter((r) => !listed.has(r.id) && Date.parse(r.date) >= report.walkStartedAt - 1000);
        report.lateReleases += late.length;
        const got = rec.releases.map((r) => r.id).filter((id) => !late.some((r) => r.id === id));
        if (got.join('\n') !== paged.join('\n'))
          problems.push(`record has ${got.length} releases, the pages listed ${paged.length} (or in another order)`);
        const c = rec.compiledRelease;
        if (c.tag.join() !== 'compiled') problems.push(`compiled release tag ${c.tag.join()}`);
        if (c.date !== rec.releases[rec.releases.length - 1]?.date) problems.push('compiled release not dated last');
        const awards = new Set((c.awards ?? []).map((a) => a.id));
        for (const k of c.contracts ?? [])
          if (!awards.has(k.awardID)) problems.push(`compiled contract ${k.id} names award ${k.awardID}, absent`);
      }
      note(report, url, problems);
      onRecord?.(report);
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  report.recordSeconds += (performance.now() - started) / 1000;
}
