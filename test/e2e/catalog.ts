// Shared steps for the catalogue's browser journeys: the public search API, a typo it corrects, and the product form.
import type { Page } from 'playwright-core';
import type { SearchResult } from '../../src/catalog/schema.ts';
import { apiGet } from './browser.ts';

export const searchApi = (query: Record<string, string>) =>
  apiGet<SearchResult>(`/api/catalog/search?${new URLSearchParams(query)}`);

/**
 * A word of the demo catalogue with one letter dropped (the fourth: one edit) that the search corrects back to
 * it, and the search's answer to the typo; `accept` asks more of that answer.
 */
export async function correctedTypo(
  accept: (r: SearchResult) => boolean = () => true,
): Promise<{ word: string; typo: string; result: SearchResult }> {
  const { items } = await searchApi({ limit: '50' });
  const words = [...new Set(items.flatMap((i) => i.name.toLowerCase().split(/[^a-z]+/)))].filter(
    (w) => w.length >= 6 && w.length <= 10,
  );
  for (const word of words) {
    const typo = word.slice(0, 3) + word.slice(4);
    const result = await searchApi({ q: typo });
    if (result.terms[0]?.status === 'corrected' && result.terms[0].searchedAs.includes(word) && accept(result))
      return { word, typo, result };
  }
  throw new Error(`no word of ${words.join(', ')} is corrected from a one-letter typo`);
}

export interface ProductTyped {
  name: string;
  description: string;
  category: string; // the option's value, a category code
  price: string; // digits, typed key by key
  unit: string;
  stock: string;
}

/** Fills the product form (open) as an owner types it on a phone; the category list loads first. */
export async function fillProductForm(page: Page, p: ProductTyped) {
  await page.getByLabel('Nama produk').fill(p.name);
  await page.getByLabel('Deskripsi').fill(p.description);
  await page.getByLabel('Kategori').locator(`option[value="${p.category}"]`).waitFor({ state: 'attached' });
  await page.getByLabel('Kategori').selectOption(p.category);
  await page.getByLabel('Harga (Rp)').pressSequentially(p.price);
  await page.getByLabel('Satuan').fill(p.unit);
  await page.getByLabel('Stok').fill(p.stock);
}

/** Waits until the search page shows the answer to the address's search (not "updating"). */
export async function settled(page: Page) {
  await page.waitForFunction(() => {
    const t = document.querySelector('.cat-total')?.textContent ?? '';
    return t !== '' && !t.includes('Memperbarui') && !t.includes('Updating');
  });
}
