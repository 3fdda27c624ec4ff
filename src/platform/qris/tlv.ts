// The ID-LEN-VALUE layer of an EMVCo payload: reading objects one after another, and writing one object.
// Reading stops at the first object it cannot delimit (the rest of the string cannot be framed without it).

import { type QrisError, qrisError } from './errors.ts';

export interface TlvItem {
  tag: string;
  value: string;
  /** Offset of the object's ID in the string read (for a nested template, inside the template's value). */
  at: number;
}

/** Reads every object of `text` up to its end; `path` names the enclosing template in errors ('' at the top). */
export function readTlv(text: string, path = ''): { items: TlvItem[]; errors: QrisError[] } {
  const items: TlvItem[] = [];
  const errors: QrisError[] = [];
  const where = (tag: string | null) => (path && tag ? `${path}.${tag}` : path || tag);
  let pos = 0;
  while (pos < text.length) {
    const rest = text.length - pos;
    const tag = text.slice(pos, pos + 2);
    if (!/^\d{2}$/.test(tag)) {
      errors.push(qrisError('tag_not_numeric', where(null), { pos, found: tag }));
      break;
    }
    if (rest < 4) {
      errors.push(qrisError('truncated', where(tag), { pos, need: 4, have: rest }));
      break;
    }
    const len = text.slice(pos + 2, pos + 4);
    if (!/^\d{2}$/.test(len)) {
      errors.push(qrisError('length_not_numeric', where(tag), { pos: pos + 2, found: len }));
      break;
    }
    const n = Number(len);
    if (n === 0) errors.push(qrisError('length_zero', where(tag), { pos: pos + 2 }));
    if (pos + 4 + n > text.length) {
      errors.push(qrisError('truncated', where(tag), { pos, need: n, have: rest - 4 }));
      break;
    }
    items.push({ tag, value: text.slice(pos + 4, pos + 4 + n), at: pos });
    pos += 4 + n;
  }
  return { items, errors };
}

/** One object, ID + two-digit length + value. A value outside 1–99 characters is a programming error here. */
export function tlv(tag: string, value: string): string {
  if (!/^\d{2}$/.test(tag) || value.length < 1 || value.length > 99)
    throw new Error(`QRIS object ${tag} cannot hold ${value.length} characters`);
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}
