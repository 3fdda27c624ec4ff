import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessPolicy } from '../../../src/access/policy.ts';
import { productPolicy } from '../../../src/catalog/products/policy.ts';
import { curationPolicy } from '../../../src/curation/policy.ts';
import { jblPolicy } from '../../../src/jbl/policy.ts';
import { procurementPolicy } from '../../../src/procurement/policy.ts';
import { registryPolicy } from '../../../src/registry/policy.ts';
import type { AreaMessages } from './area.ts';
import { en } from './en.ts';
import { id } from './id.ts';
import { translate } from './translate.ts';

const webSrc = path.resolve(import.meta.dirname, '..');

/** Every page area's dictionary: `web/src/pages/<area>/i18n.ts` exporting `messages` (see area.ts). */
const areaFiles = fs
  .readdirSync(path.join(webSrc, 'pages'), { recursive: true, encoding: 'utf8' })
  .filter((f) => path.basename(f) === 'i18n.ts')
  .map((f) => path.join(webSrc, 'pages', f));
const areas = await Promise.all(
  areaFiles.map(async (file) => ({
    file,
    dir: path.dirname(file),
    messages: ((await import(file)) as { messages: AreaMessages<string> }).messages,
  })),
);
const areaOfKey = (key: string) => areas.find((a) => key.startsWith(`${a.messages.area}.`));

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));
}

/** `<context>.<rule>` strings are abilities the pages ask `can()` about (web/src/app/session.ts), not message keys. */
const policies = {
  access: accessPolicy,
  registry: registryPolicy,
  catalog: productPolicy,
  curation: curationPolicy,
  procurement: procurementPolicy,
  jbl: jblPolicy,
};
const abilities = new Set(
  Object.entries(policies).flatMap(([context, policy]) => Object.keys(policy).map((rule) => `${context}.${rule}`)),
);

/**
 * The shared dictionary's namespaces (`app`, `nav`, `login`, …), read from its keys in both languages, so a key
 * under a new namespace is checked the day it is added; and a quoted string that looks like one of their keys.
 */
const shellPrefixes = [...new Set([...Object.keys(id), ...Object.keys(en)].map((k) => k.split('.')[0]!))].sort();
const shellKeyLike = new RegExp(`['"]((?:${shellPrefixes.join('|')})\\.[\\w.]+)['"]`, 'g');

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('has the same keys in Indonesian and English', () => {
    const idKeys = Object.keys(id).sort();
    const enKeys = Object.keys(en).sort();
    expect(
      enKeys.filter((k) => !(k in id)),
      'keys only in en.ts',
    ).toEqual([]);
    expect(
      idKeys.filter((k) => !(k in en)),
      'keys missing from en.ts',
    ).toEqual([]);
  });

  it('has no empty text and the same {placeholders} in both languages', () => {
    for (const [key, text] of Object.entries(id)) {
      const other = (en as Record<string, string>)[key] ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });

  it('derives the shared dictionary’s key prefixes from the dictionaries themselves, none an area’s', () => {
    expect(shellPrefixes).toEqual(expect.arrayContaining(['app', 'nav', 'login', 'dash', 'desk']));
    expect(shellPrefixes.filter((p) => areas.some((a) => a.messages.area === p))).toEqual([]);
  });

  it('defines every key the web app asks for', () => {
    // t('key'), t("key") and plain 'area.key' strings typed as MessageKey: any quoted dotted word that looks like a key.
    const used = new Set<string>();
    for (const file of sourceFiles(webSrc)) {
      if (file.includes(`${path.sep}i18n${path.sep}`)) continue;
      const src = fs.readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*['"`]([\w.]+)['"`]/g)) if (!areaOfKey(m[1]!)) used.add(m[1]!); // area keys: checked below
      for (const m of src.matchAll(shellKeyLike)) if (!areaOfKey(m[1]!) && !abilities.has(m[1]!)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !(k in id))).toEqual([]);
  });

  it('finds the page areas’ dictionaries', () => {
    expect(areas.map((a) => a.messages.area)).toContain('registry');
    const names = areas.map((a) => a.messages.area);
    expect(new Set(names).size, 'one dictionary per area name').toBe(names.length);
  });

  describe.each(areas.map((a) => [a.messages.area, a] as const))('page area %s', (area, a) => {
    it('has the same keys in Indonesian and English, all under its own prefix and none shared with the shell', () => {
      const idKeys = Object.keys(a.messages.id);
      const enKeys = Object.keys(a.messages.en);
      expect(
        enKeys.filter((k) => !(k in a.messages.id)),
        'keys only in English',
      ).toEqual([]);
      expect(
        idKeys.filter((k) => !(k in a.messages.en)),
        'keys missing from English',
      ).toEqual([]);
      expect(
        idKeys.filter((k) => !k.startsWith(`${area}.`)),
        `keys not starting with "${area}."`,
      ).toEqual([]);
      expect(
        idKeys.filter((k) => k in id),
        'keys also in the shared dictionary',
      ).toEqual([]);
    });

    it('has no empty text and the same {placeholders} in both languages', () => {
      for (const [key, text] of Object.entries(a.messages.id)) {
        const other = (a.messages.en as Record<string, string>)[key] ?? '';
        expect(text.trim(), key).not.toBe('');
        expect(other.trim(), key).not.toBe('');
        expect(placeholders(other), key).toEqual(placeholders(text));
      }
    });

    it('defines every key its pages ask for', () => {
      const used = new Set<string>();
      const prefix = new RegExp(`['"\`](${area}\\.[\\w.]+)['"\`]`, 'g');
      for (const file of sourceFiles(webSrc)) {
        if (file === a.file) continue;
        for (const m of fs.readFileSync(file, 'utf8').matchAll(prefix)) if (!abilities.has(m[1]!)) used.add(m[1]!);
      }
      expect(used.size).toBeGreaterThan(0);
      expect([...used].filter((k) => !(k in a.messages.id))).toEqual([]);
    });
  });

  it('fills placeholders and shows a missing key rather than nothing', () => {
    expect(translate({ a: 'Wilayah: {n} kota, {m} kecamatan' }, 'a', { n: 6, m: '44' })).toBe(
      'Wilayah: 6 kota, 44 kecamatan',
    );
    expect(translate({ a: 'Halo {name}' }, 'a')).toBe('Halo {name}');
    expect(translate({}, 'no.such')).toBe('no.such');
  });
});
