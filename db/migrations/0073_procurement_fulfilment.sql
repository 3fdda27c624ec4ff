-- After an order is placed (issue 14, fulfilment): the seller's note with the delivery, and the PA/KPA's decision on
-- an autodebit (who, when, why rejected). The BAST number stays unique per agency and year (0070); it is also
-- looked up by the public verification, so it gets an index.
alter table eorder
  add column delivery_note text check (length(delivery_note) <= 2000);

alter table eorder_payment
  add column decided_at timestamptz,
  add column decision_note text check (length(decision_note) <= 2000);

create index eorder_bast_number_idx on eorder (bast_number) where bast_number is not null;
