// The release package: one page of releases of every plan and order, oldest first, from a cursor or a date, with
// the link to the next page. An empty page is a 404: a release package holds at least one release.
import type { Db } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { decodeCursor, encodeCursor, eventPage } from './events.ts';
import { loadReleases } from './load-releases.ts';
import { publication } from './publication.ts';
import type { ReleasePackage, ReleaseQuery } from './schema.ts';

/** A calendar date means midnight in Jakarta. */
const moment = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00+07:00` : s);

export async function listReleases(db: Db, query: ReleaseQuery, baseUrl: string): Promise<ReleasePackage> {
  const after = query.after ? decodeCursor(query.after) : undefined;
  const since = moment(query.since);
  const until = moment(query.until);
  const { keys, more, releases, pub } = await db.transaction(async (tx) => {
    const page = await eventPage(tx, { after, since, until, limit: query.limit + 1 }); // one more: is there a next?
    const keys = page.slice(0, query.limit);
    return {
      keys,
      more: page.length > query.limit,
      releases: await loadReleases(tx, keys),
      pub: await publication(tx, baseUrl),
    };
  });
  if (releases.length === 0)
    throw notFound({
      id: 'Tidak ada rilis OCDS pada rentang ini.',
      en: 'No OCDS releases in this range.',
    });
  const link = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...extra }))
      if (v !== undefined && k !== 'after') p.set(k, String(v));
    if (extra.after) p.set('after', extra.after);
    return `${baseUrl}/api/ocds/releases?${p}`;
  };
  const last = keys[keys.length - 1]!;
  return {
    uri: link(query.after ? { after: query.after } : {}),
    ...pub,
    publishedDate: releases[releases.length - 1]!.date,
    releases,
    links: more ? { next: link({ after: encodeCursor(last) }) } : {},
  };
}
