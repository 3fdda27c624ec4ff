-- Issue 12: a call that requires halal as a rule, not as words; and one curation status per product.

-- "Requires halal" was only in the criteria text, which no code reads, so a product without a halal label passed
-- a call whose criteria said halal. Now a rule the call holds: the product must be labelled halal and its
-- business hold a valid halal certificate (WIB), when submitted and again when the kurator scores it.
alter table curation_call add column requires_halal boolean not null default false;
-- Calls made before said it in their criteria text: read that once, so they keep meaning what they said.
update curation_call set requires_halal = true where criteria_id ~* 'halal' or criteria_en ~* 'halal';

-- A submission's state as every page shows it: its status, except that a pass whose certificate was revoked
-- (by the Dinas, or because the owner changed what was judged) says 'revoked'.
create view curation_submission_state as
select s.id as submission_id, s.product_id, s.round_started_at,
       case when s.status = 'passed' and k.revoked_at is not null then 'revoked' else s.status end as state
  from curation_submission s
  left join curation_certificate k on k.submission_id = s.id;

-- The product's curation, derived in one place: the owner's product list and page, the curation pages, and the
-- product's stored curation columns that search reads (written from this view only, by the curation code).
--
-- status: the state (above) of the product's latest submission (the round most recently started). A product with no submission keeps what was recorded before
--   the workflow existed (imported data: 'curated' reads 'passed', 'rejected' reads 'not_passed').
-- curated: whether it is in the curated catalogue. A certificate stays valid until revoked, so a product that
--   passed one call and is now returned, under review or failed in a newer round stays curated on the strength
--   of the earlier certificate (a kurator judged this very product; editing what was judged revokes it). A
--   product curated before the workflow (no certificate ever issued) stays curated as recorded.
-- grade, curated_at, channels: from the valid certificates (latest grade, first issue, every channel).
-- under_review: some submission waits for an officer, so what they judge cannot change meanwhile.
create view product_curation as
select p.id as product_id,
       case
         when s.submission_id is null then case p.curation_status when 'curated' then 'passed' when 'rejected' then 'not_passed' else p.curation_status end
         else s.state
       end as status,
       s.submission_id,
       (k.valid > 0 or (k.issued = 0 and p.curation_status = 'curated')) as curated,
       case when k.valid > 0 then k.grade when k.issued = 0 and p.curation_status = 'curated' then p.curation_grade end as grade,
       case when k.valid > 0 then k.first_at when k.issued = 0 and p.curation_status = 'curated' then p.curated_at end as curated_at,
       case when k.valid > 0 then k.e_order else k.issued = 0 and p.curation_status = 'curated' and p.channel_e_order end as channel_e_order,
       case when k.valid > 0 then k.jbl else k.issued = 0 and p.curation_status = 'curated' and p.channel_jbl end as channel_jbl,
       case when k.valid > 0 then k.mall else k.issued = 0 and p.curation_status = 'curated' and p.channel_mall end as channel_mall,
       (exists (select 1 from curation_submission w where w.product_id = p.id and w.status in ('submitted', 'verified', 'validated'))
         or s.submission_id is null and p.curation_status in ('submitted', 'verified', 'validated')) as under_review
  from product p
  left join lateral (
    select x.submission_id, x.state from curation_submission_state x
     where x.product_id = p.id order by x.round_started_at desc, x.submission_id desc limit 1) s on true
  cross join lateral (
    select count(*) as issued,
           count(*) filter (where c.revoked_at is null) as valid,
           min(c.issued_at) filter (where c.revoked_at is null) as first_at,
           (array_agg(c.grade order by c.issued_at desc) filter (where c.revoked_at is null and c.grade is not null))[1] as grade,
           coalesce(bool_or(c.channel = 'e_order') filter (where c.revoked_at is null), false) as e_order,
           coalesce(bool_or(c.channel = 'jbl') filter (where c.revoked_at is null), false) as jbl,
           coalesce(bool_or(c.channel = 'mall') filter (where c.revoked_at is null), false) as mall
      from curation_certificate c where c.product_id = p.id) k;
