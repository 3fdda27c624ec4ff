import type { BrowserContext, Page } from 'playwright-core';

/**
 * The JavaScript a page costs a phone with an empty cache: what Chromium reports as received on the wire for every
 * script (Network.loadingFinished encodedDataLength: compressed body plus response headers) and its encoding.
 * `open` loads the page and waits until it shows what it is for.
 */
export async function scriptsOnTheWire(
  context: BrowserContext,
  page: Page,
  open: () => Promise<void>,
): Promise<{ total: number; rows: { url: string; encoding: string; bytes: number }[] }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map<string, { url: string; encoding: string }>();
  const received = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script')
      scripts.set(e.requestId, {
        url: e.response.url,
        encoding: String(e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? ''),
      });
  });
  cdp.on('Network.loadingFinished', (e) => received.set(e.requestId, e.encodedDataLength));
  await open();
  const rows = [...scripts].map(([id, s]) => ({ ...s, bytes: received.get(id) ?? Number.NaN }));
  return { total: rows.reduce((sum, r) => sum + r.bytes, 0), rows };
}
