// The product's curation as every page shows it: read from the product_curation view (migration 0060), which
// derives it from the product's latest submission and its valid certificates. The owner's product list and page,
// and the submission pages, present it with this one function and these labels.
import type { PRODUCT_CURATION_STATUSES } from './schema.ts';
import { STATE_LABELS } from './submissions.ts';

export type ProductCurationStatus = (typeof PRODUCT_CURATION_STATUSES)[number];

export const PRODUCT_CURATION_LABELS: Record<ProductCurationStatus, { id: string; en: string }> = {
  none: { id: 'Belum dikurasi', en: 'Not curated' },
  ...STATE_LABELS,
};

/** The view's columns under the names a query selects them as (`pc.status as pc_status`, …: see PRODUCT_CURATION_COLUMNS). */
export interface ProductCurationRow {
  pc_status: ProductCurationStatus;
  pc_curated: boolean;
  pc_grade: 'A' | 'B' | 'C' | null;
  pc_curated_at: Date | string | null;
  pc_submission_id: number | null;
  pc_under_review: boolean;
}

/** Select list for `join product_curation pc on pc.product_id = p.id`. */
export const PRODUCT_CURATION_COLUMNS = `pc.status as pc_status, pc.curated as pc_curated, pc.grade as pc_grade, pc.curated_at as pc_curated_at,
  pc.submission_id as pc_submission_id, pc.under_review as pc_under_review`;

export function presentProductCuration(r: ProductCurationRow) {
  return {
    status: r.pc_status,
    label: PRODUCT_CURATION_LABELS[r.pc_status],
    curated: r.pc_curated,
    grade: r.pc_curated ? r.pc_grade : null,
    curatedAt: r.pc_curated && r.pc_curated_at ? new Date(r.pc_curated_at).toISOString() : null,
    submissionId: r.pc_submission_id,
  };
}
