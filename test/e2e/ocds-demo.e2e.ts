import { describe, expect, inject, it } from 'vitest';
import { checkRecords, emptyReport, walkReleases, type WalkReport } from '../support/ocds-walk.ts';

// Issue 14: every OCDS package the API returns validates (formats included) on the demo server. No browser: the
// demo server's API as an open-data user reads it — every page of the release list by links.next to the end, then
// the record of every contracting process — each package against the OCDS 1.1 schema with formats, each release
// against the checks beyond it (test/support/ocds-walk.ts). The last line of the output is the run's JSON summary.
const base = () => inject('baseUrl');

let walk: WalkReport;

describe('OCDS on the demo server', () => {
  it('pages through every release by links.next: each package valid, each release id once, dates in order', async () => {
    walk = emptyReport();
    await walkReleases(`${base()}/api/ocds/releases?limit=500`, walk);
    expect(walk.problems).toEqual([]);
    expect(walk.invalid).toBe(0);
    expect(walk.duplicates).toEqual([]);
    // The demo data has plans and orders in every state: thousands of releases over several pages.
    expect(walk.releases).toBeGreaterThan(1000);
    expect(walk.packages).toBe(Math.ceil(walk.releases / 500));
    // Another page size crosses the instants elsewhere: the same releases in the same order.
    const small = emptyReport();
    await walkReleases(`${base()}/api/ocds/releases?limit=97`, small);
    expect(small.invalid).toBe(0);
    expect(small.packages).toBe(Math.ceil(walk.releases / 97));
    expect([...small.byOcid]).toEqual([...walk.byOcid]);
    // the default page (100) as a client that passes no parameter gets it
    const first = await (await fetch(`${base()}/api/ocds/releases`)).json();
    expect(first.releases).toHaveLength(100);
    expect(first.links.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/ocds\/releases\?/);
  });

  it('serves a valid record for every ocid, holding exactly the releases the pages listed for it', async () => {
    const ocids = [...walk.byOcid.keys()];
    expect(ocids.length).toBeGreaterThan(100);
    await checkRecords(base(), ocids, walk, 2);
    expect(walk.problems).toEqual([]);
    expect(walk.invalid).toBe(0);
    expect(walk.recordsChecked).toBe(ocids.length);
    // Every release is in exactly one record: the records add up to the pages.
    const inRecords = [...walk.byOcid.values()].reduce((n, ids) => n + ids.length, 0);
    expect(inRecords).toBe(walk.releases);
    const summary = {
      check: 'ocds-demo',
      releases: walk.releases,
      packages: walk.packages,
      records_checked: walk.recordsChecked,
      invalid: walk.invalid,
      first_error: walk.problems[0] ?? null,
      releases_dated_in_future: walk.futureDated,
      page_seconds: Math.round(walk.pageSeconds * 10) / 10,
      record_seconds: Math.round(walk.recordSeconds * 10) / 10,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  });
});
