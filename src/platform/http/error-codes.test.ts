import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './error-codes.ts';

const SRC = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('error codes', () => {
  it('lists each code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('lists every problem code the source throws', () => {
    // `new AppError(409, 'code', …)` and the contexts' small wrappers (`problem(415, 'code', …)`).
    const thrown = new Set<string>();
    for (const file of sources(SRC))
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:AppError|[pP]roblem|refuse)\(\s*\d{3},\s*'([a-z_]+)'/g))
        thrown.add(m[1]!);
    expect(thrown.size).toBeGreaterThan(30);
    expect([...thrown].filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});
