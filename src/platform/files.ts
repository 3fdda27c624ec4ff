import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

// Stored files (permit documents, product photos): under PL_UPLOAD_DIR, each context in its own folder; the
// database keeps the path relative to the upload directory.

/** The upload directory: PL_UPLOAD_DIR, default ./data/uploads. */
export const uploadDir = () => path.resolve(process.env.PL_UPLOAD_DIR || './data/uploads');

export interface Sniffed {
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  ext: 'pdf' | 'jpg' | 'png';
}

/** The type from the content's first bytes (magic numbers), never from the file name or the declared type. */
export function sniff(buf: Uint8Array): Sniffed | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => buf[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return { mime: 'application/pdf', ext: 'pdf' }; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { mime: 'image/png', ext: 'png' };
  if (starts(0xff, 0xd8, 0xff)) return { mime: 'image/jpeg', ext: 'jpg' };
  return undefined;
}

/** Writes a new file in `folder` (e.g. `permits/12`) under a random name and returns its path relative to the upload directory. */
export async function storeDocument(folder: string, buf: Uint8Array, type: Sniffed): Promise<string> {
  const rel = path.posix.join(folder, `${crypto.randomUUID()}.${type.ext}`);
  const abs = path.join(uploadDir(), rel);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, buf, { flag: 'wx' });
  return rel;
}

export async function removeDocument(rel: string): Promise<void> {
  await fs.rm(path.join(uploadDir(), rel), { force: true });
}

/** Reads a stored document; the relative path comes from our own rows, still kept inside the directory. */
export async function readDocument(rel: string): Promise<Buffer | undefined> {
  const root = uploadDir();
  const abs = path.resolve(root, rel);
  if (!abs.startsWith(root + path.sep)) return undefined;
  return fs.readFile(abs).catch(() => undefined);
}
