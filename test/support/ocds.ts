// Validates OCDS 1.1 packages against the official JSON schemas (draft-04, test/fixtures/ocds/) with formats checked
// (date-time, uri), and reads the closed codelists the tests check fields against.
import fs from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import formats from 'ajv-formats';

// Both are CommonJS with `exports.default`: under NodeNext the default import is the module object.
const Ajv = AjvDraft04.default;
const addFormats = formats.default;

const DIR = new URL('../fixtures/ocds/', import.meta.url);
const load = (name: string) => JSON.parse(fs.readFileSync(new URL(name, DIR), 'utf8')) as { id: string };

// strict: false — the OCDS schemas carry their own keywords (codelist, openCodelist, omitWhenMerged, deprecated…).
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
for (const f of ['release-schema.json', 'versioned-release-validation-schema.json']) ajv.addSchema(load(f));
const releasePackage = ajv.compile(load('release-package-schema.json'));
const recordPackage = ajv.compile(load('record-package-schema.json'));

export type OcdsPackageKind = 'release' | 'record';

/** The schema errors of a package (empty when it is valid), each as "path message". */
export function ocdsErrors(kind: OcdsPackageKind, body: unknown): string[] {
  const validate = kind === 'release' ? releasePackage : recordPackage;
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

/** The codes of a closed codelist (its CSV's first column). */
export function codelist(name: string): string[] {
  const [, ...rows] = fs
    .readFileSync(new URL(`codelists/${name}.csv`, DIR), 'utf8')
    .trim()
    .split('\n');
  return rows.map((r) => r.split(',')[0]!.trim());
}
