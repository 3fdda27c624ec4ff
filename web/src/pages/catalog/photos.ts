// The product page's photos. The public product page gains `photos` (thumbnail and display URLs, display size)
// from the product-management work; until every server has it, the page reads the field defensively and shows a
// neutral placeholder when there is none.
export interface Photo {
  thumbUrl: string;
  displayUrl: string;
  width?: number;
  height?: number;
}

const isUrl = (v: unknown): v is string => typeof v === 'string' && v.startsWith('/') && !v.startsWith('//');
const size = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);

/** The usable photos of an answer, in its order: same-site URLs only; a photo without a thumbnail uses its display. */
export function photoList(raw: unknown): Photo[] {
  if (!Array.isArray(raw)) return [];
  const out: Photo[] = [];
  for (const p of raw) {
    if (typeof p !== 'object' || p === null) continue;
    const { thumbUrl, displayUrl, width, height } = p as Record<string, unknown>;
    if (!isUrl(displayUrl)) continue;
    const w = size(width);
    const h = size(height);
    out.push({
      displayUrl,
      thumbUrl: isUrl(thumbUrl) ? thumbUrl : displayUrl,
      ...(w && h ? { width: w, height: h } : {}),
    });
  }
  return out;
}
