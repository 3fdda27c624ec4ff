-- Devices an account has logged in from (issue 12, OWASP ASVS 2.2): a random token in a long-lived HttpOnly
-- cookie, stored hashed. Repeated failures lock an account only for devices it has not used before, so a
-- guesser elsewhere cannot lock its owner out.
create table known_device (
  account_id bigint not null references account (id) on delete cascade,
  token_hash bytea not null,
  first_seen timestamptz not null default now(),
  last_seen timestamptz not null default now(),
  primary key (account_id, token_hash)
);
