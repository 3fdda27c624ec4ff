// The OCDS 1.1 shapes we publish (the subset of the release schema our releases use, with the closed codelists as
// enums) and the query of the release list. The tests validate the same output against the official JSON schemas.
import { z } from 'zod';

const Text = z.string(); // names and texts as the tables hold them
const Id = z.string().min(1); // made here, never empty
/** ISO 8601 with the WIB offset, e.g. 2026-03-02T09:15:00+07:00. */
const DateTime = z.string();

export const Value = z.object({ amount: z.number().int(), currency: z.literal('IDR') });
export const OrgRef = z.object({ id: Id, name: Text });

export const PARTY_ROLES = ['buyer', 'procuringEntity', 'payer', 'supplier', 'payee'] as const;
export const Party = z.object({
  id: Id,
  name: Text,
  roles: z.array(z.enum(PARTY_ROLES)),
  details: z.object({ scale: z.enum(['micro', 'sme', 'large']) }).optional(),
});

export const Item = z.object({
  id: Id,
  description: Text,
  quantity: z.number(),
  unit: z.object({ name: Text, value: Value }),
});
export const Period = z.object({ startDate: DateTime.optional(), endDate: DateTime.optional() });
export const Transaction = z.object({ id: Id, date: DateTime, value: Value, payer: OrgRef, payee: OrgRef });

export const AWARD_STATUSES = ['pending', 'active', 'cancelled', 'unsuccessful'] as const;
export const CONTRACT_STATUSES = ['pending', 'active', 'cancelled', 'terminated'] as const;
export const TENDER_STATUSES = ['planning', 'planned', 'active', 'cancelled', 'unsuccessful', 'complete'] as const;
export const METHODS = ['open', 'selective', 'limited', 'direct'] as const;
export const CATEGORIES = ['goods', 'works', 'services'] as const;
export const RELEASE_TAGS = [
  'planning',
  'tender',
  'award',
  'contract',
  'implementation',
  'awardCancellation',
  'contractTermination',
  'compiled',
] as const;

export const Award = z.object({
  id: Id,
  status: z.enum(AWARD_STATUSES),
  date: DateTime,
  value: Value,
  suppliers: z.array(OrgRef),
  items: z.array(Item).optional(),
});
export const Contract = z.object({
  id: Id,
  awardID: Id,
  status: z.enum(CONTRACT_STATUSES).optional(),
  value: Value.optional(),
  items: z.array(Item).optional(),
  dateSigned: DateTime.optional(),
  period: Period.optional(),
  implementation: z.object({ transactions: z.array(Transaction) }).optional(),
});
export const Tender = z.object({
  id: Id,
  title: Text,
  status: z.enum(TENDER_STATUSES),
  procurementMethod: z.enum(METHODS),
  procurementMethodDetails: Text,
  mainProcurementCategory: z.enum(CATEGORIES),
  value: Value,
  procuringEntity: OrgRef,
  tenderPeriod: Period.optional(),
  contractPeriod: Period.optional(),
});
export const Planning = z.object({
  budget: z.object({ id: Id, description: Text, amount: Value, project: Text, projectID: Text }),
});

export type Item = z.infer<typeof Item>;
export type Party = z.infer<typeof Party>;
export type Award = z.infer<typeof Award>;
export type Contract = z.infer<typeof Contract>;

export const Release = z.object({
  ocid: Id,
  id: Id,
  date: DateTime,
  tag: z.array(z.enum(RELEASE_TAGS)),
  initiationType: z.literal('tender'),
  language: z.literal('id'),
  buyer: OrgRef,
  parties: z.array(Party),
  planning: Planning.optional(),
  tender: Tender.optional(),
  awards: z.array(Award).optional(),
  contracts: z.array(Contract).optional(),
});
export type Release = z.infer<typeof Release>;

const Publisher = z.object({ name: Text, uri: z.string() });
const PackageMeta = {
  uri: z.string(),
  version: z.literal('1.1'),
  publishedDate: DateTime,
  publisher: Publisher,
  license: z.string(),
};

export const ReleasePackage = z.object({
  ...PackageMeta,
  releases: z.array(Release),
  links: z.object({ next: z.string().optional() }),
});
export type ReleasePackage = z.infer<typeof ReleasePackage>;

export const RecordPackage = z.object({
  ...PackageMeta,
  records: z.array(z.object({ ocid: Id, releases: z.array(Release), compiledRelease: Release })),
});
export type RecordPackage = z.infer<typeof RecordPackage>;

/** A moment: a date-time with its offset, or a calendar date taken as midnight WIB. */
const Moment = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const MAX_PAGE = 500;
export const ReleaseQuery = z.strictObject({
  since: Moment.optional(),
  until: Moment.optional(),
  after: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
});
export type ReleaseQuery = z.infer<typeof ReleaseQuery>;

export const RecordParams = z.strictObject({ ocid: z.string().min(1).max(200) });
