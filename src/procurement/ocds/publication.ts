// What every OCDS package carries besides its releases: the publisher and licence (setting
// procurement.ocds_publisher, in force today) and the version of the standard.
import type { Queryable } from '../../platform/db/types.ts';

export interface Publication {
  version: '1.1';
  publisher: { name: string; uri: string };
  license: string;
}

const DEFAULT = { name: 'Pasar Lokal', license: 'https://creativecommons.org/licenses/by/4.0/' };

export async function publication(q: Queryable, baseUrl: string): Promise<Publication> {
  const [row] = await q.query<{ value: { name?: string; license?: string } }>(
    `select value from setting where key = 'procurement.ocds_publisher' and effective_from <= (now() at time zone 'Asia/Jakarta')::date
      order by effective_from desc limit 1`,
  );
  return {
    version: '1.1',
    publisher: { name: row?.value.name ?? DEFAULT.name, uri: baseUrl },
    license: row?.value.license ?? DEFAULT.license,
  };
}
