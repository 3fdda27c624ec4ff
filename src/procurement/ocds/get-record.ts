// The record package of one contracting process (one RUP package): every release of the package and its orders,
// oldest first, and the compiled release. An ocid we do not publish is a 404.
import type { Db } from '../../platform/db/types.ts';
import { notFound } from '../../platform/http/problem.ts';
import { compileReleases } from './compile-release.ts';
import { packageEvents } from './events.ts';
import { loadReleases, packageOfOcid } from './load-releases.ts';
import { publication } from './publication.ts';
import type { RecordPackage } from './schema.ts';

export async function getRecord(db: Db, ocid: string, baseUrl: string): Promise<RecordPackage> {
  const found = await db.transaction(async (tx) => {
    const p = await packageOfOcid(tx, ocid);
    if (!p) return undefined;
    const releases = await loadReleases(tx, await packageEvents(tx, p.id));
    return { releases, pub: await publication(tx, baseUrl) };
  });
  if (!found)
    throw notFound({
      id: 'Proses pengadaan dengan ocid ini tidak ditemukan.',
      en: 'No contracting process with this ocid.',
    });
  const { releases, pub } = found;
  return {
    uri: `${baseUrl}/api/ocds/records/${encodeURIComponent(ocid)}`,
    ...pub,
    publishedDate: releases[releases.length - 1]!.date,
    records: [{ ocid, releases, compiledRelease: compileReleases(releases) }],
  };
}
