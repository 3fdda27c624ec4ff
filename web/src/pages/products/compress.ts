/**
 * Makes a phone photo small before it travels: a 4–12 MB camera JPEG over a slow mobile connection is a minute
 * of waiting and a share of the owner's data quota. Decoded upright (EXIF orientation), drawn at most 1600 px on
 * the long side, re-encoded as WebP (JPEG where the browser cannot write WebP) at quality 0.8. Redrawing also
 * leaves the metadata behind, so the GPS position in a photo's EXIF never leaves the phone.
 */
export const MAX_SIDE = 1600;
const QUALITY = 0.8;
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'];

export interface Compressed {
  blob: Blob;
  name: string;
  width: number | null;
  height: number | null;
  /** false: the browser could not decode it (or it was already smaller): the original goes, the server judges it. */
  compressed: boolean;
}

function toBlob(canvas: HTMLCanvasElement, type: string): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, QUALITY));
}

export async function compressPhoto(file: File): Promise<Compressed> {
  const original: Compressed = { blob: file, name: file.name, width: null, height: null, compressed: false };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return original; // not an image this browser reads (the server will say what is wrong)
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    bitmap.close();
    return original;
  }
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  let blob = await toBlob(canvas, 'image/webp');
  // A browser that cannot write WebP hands back PNG instead (large): JPEG then.
  if (blob?.type !== 'image/webp') blob = await toBlob(canvas, 'image/jpeg');
  if (!blob) return original;
  // A small photo that was already compressed may only grow by being redrawn.
  if (scale === 1 && ACCEPTED.includes(file.type) && file.size <= blob.size) return { ...original, width, height };
  const ext = blob.type === 'image/webp' ? 'webp' : 'jpg';
  return { blob, name: `${file.name.replace(/\.[^.]*$/, '') || 'foto'}.${ext}`, width, height, compressed: true };
}
