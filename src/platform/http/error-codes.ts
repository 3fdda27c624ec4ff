// The stable codes of problem responses (`application/problem+json`, field `code`): the one list the server may
// answer with (AppError takes only these), that the OpenAPI document publishes (components.schemas.Problem) and the
// web app maps to its translated messages. A new code is added here first.

export const ERROR_CODES = [
  // platform: requests, access, idempotency, the database
  'validation_failed',
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'csrf_origin',
  'csrf_token',
  'internal_error',
  'invalid_value',
  'unsupported_media_type',
  'multipart_required',
  'multipart_invalid',
  'idempotency_key_invalid',
  'idempotency_key_reused',
  'too_many_requests',
  'bad_request', // a framework refusal without a translation of its own
  'setting_missing',
  'starting',
  // access
  'invalid_credentials',
  'invalid_totp',
  'login_taken',
  'reset_token_invalid',
  'totp_already_enabled',
  'totp_enrolment_required',
  'totp_not_started',
  'totp_required',
  // registry
  'already_registered',
  'already_decided',
  'nik_nib_conflict',
  'outside_scope',
  'owner_without_phone',
  'forbidden_slice',
  'permit_exists',
  'document_empty',
  'document_type',
  'document_too_large',
  'export_too_large',
  // registry import
  'empty_file',
  'file_missing',
  'unsupported_file',
  'import_checking',
  'import_confirm_mismatch',
  'import_done',
  'import_empty',
  'import_has_errors',
  'import_not_revertable',
  'import_running',
  'revert_running',
  // catalog
  'photo_missing',
  'photo_type',
  'photo_too_large',
  'photo_unreadable',
  'too_many_photos',
  'halal_certificate_required',
  'product_in_curation',
  // curation
  'already_revoked',
  'already_submitted',
  'call_closed',
  'call_in_use',
  'call_not_draft',
  'call_not_open',
  'deadline_in_past',
  'invalid_transition',
  'no_kurators',
  'not_resubmittable',
  'notes_required',
  'quota_full',
  'scores_incomplete',
  'unknown_rubric',
  'wrong_step',
  // procurement (e-Order)
  'order_state', // an illegal transition: the body names the order's current state
  'package_state',
  'exception_state',
  'mandate_breach', // an order breaks a mandate rule and has no approved exception
  'reservation_reason_required', // a package under the reserved threshold not reserved, without a reason
  'over_pagu', // the orders of a package would exceed its budget ceiling
  'cart_empty',
  'product_not_orderable', // not curated for e-Order, not published, or below its minimum order
  'payment_exceeds', // a payment above what is still owed
  'payment_not_due', // a final payment before the BAST, or an advance beyond its band
  'official_not_in_agency', // an assignee who does not hold the role in the package's agency
  'mapping_invalid', // an import's column mapping
  // procurement/place
  'mandate_rule', // an order breaks a mandate rule in force and the package has no approved exception for it
  // procurement/fulfil
  'payment_state', // an autodebit decision on a payment that is not a request awaiting approval
  'note_required', // rejecting an autodebit without a reason
  // procurement/plans
  'agency_code_taken',
  'unit_code_taken',
  'account_not_found', // an official linked by an email no account has
  'unreadable_file',
  'too_many_rows',
  'rup_code_taken',
  // jbl (Jumat Beli Lokal)
  'edition_state', // a transition or decision the edition's status does not allow: the message names the status
  'editions_exist', // planning a year in which every Friday that can still be planned already has an edition
  'holiday_undecided', // opening a holiday Friday's edition before the admin decided to skip or move it
  'jbl_settings_missing', // a day before the jbl.* settings came into force (planning a year before the programme)
  'jbl_settings_invalid', // jbl.* settings in force whose pre-order window does not end before the live session
  'edition_not_selling', // a checkout outside the pre-order window and the live session: the message says when it sells
  'sold_out', // a checkout whose lines cannot all be held: each short line is named with what is left
  'jbl_order_state', // handing over an order that is not paid
  'webhook_not_configured', // the aggregator's notification while PL_QRIS_WEBHOOK_SECRET is unset (503)
  'webhook_signature', // a notification without the right HMAC signature (401)
  'webhook_replay', // a notification sent over five minutes ago or in the future (401)
  'webhook_event_conflict', // an event id already used for a different payment (409)
  'lineup_closed', // a line-up change the edition's status does not allow (built while planned/open, adjusted until closed)
  'lineup_has_orders', // rebuilding a line-up whose rotation picks already have orders
  'product_not_jbl', // adding a product not curated for Jumat Beli Lokal, not published, or of an inactive business
  'seller_outside_host', // adding a product whose seller is not in the edition's host kota
  'product_no_stock', // adding a product with no stock
  'lineup_already_listed', // adding a product already in the edition's line-up (or removed from it)
  'city_picks_full', // more city-office picks than jbl.city_picks allows per edition
  'lineup_item_removed', // removing an item already removed
  // framework refusals (platform/http/problem.ts FRAMEWORK_ERRORS), their Fastify codes lower-cased
  'fst_err_ctp_invalid_json_body',
  'fst_err_ctp_empty_json_body',
  'fst_err_ctp_body_too_large',
  'fst_err_ctp_invalid_media_type',
  'fst_err_bad_url',
  'fst_err_max_param_length',
  'fst_err_ctp_invalid_content_length',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
