// In-app notifications through the HTTP API: unread counts, pages newest first, a WhatsApp share, mark all read.
import { beforeAll, describe, expect, it } from 'vitest';
import { get, ids, kit, login, post, setUpCuration } from '../../test/support/curation-kit.ts';

beforeAll(setUpCuration);

describe('notifications', () => {
  it('count what is unread, page newest first, and mark all read', async () => {
    await login('reader', [{ role: 'kurator' }]);
    await kit.db.query(
      `insert into notification (account_id, kind, title_id, title_en, body_id, body_en, link) select $1, 'test', 'Judul ' || i, 'Title ' || i, 'Isi', 'Body', '/kurasi' from generate_series(1, 3) i`,
      [ids.reader],
    );
    expect((await get('reader', '/api/notifications/unread-count')).json()).toEqual({ unread: 3 });
    const page = (await get('reader', '/api/notifications?limit=2')).json();
    expect(page.items.map((n: { title: { id: string } }) => n.title.id)).toEqual(['Judul 3', 'Judul 2']);
    expect(decodeURIComponent(page.items[0].whatsappShare)).toContain('Judul 3\nIsi\nhttp://localhost:80/kurasi');
    const rest = (await get('reader', `/api/notifications?limit=2&cursor=${page.nextCursor}`)).json();
    expect([rest.items.length, rest.nextCursor]).toEqual([1, null]);
    expect((await post('reader', '/api/notifications/read-all')).json()).toEqual({ unread: 0, marked: 3 });
    expect((await get('reader', '/api/notifications?unread=true')).json().items).toEqual([]);
  });
});
