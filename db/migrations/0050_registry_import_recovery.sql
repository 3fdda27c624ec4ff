-- An import survives the death of the process that ran it (issue 12): the running process holds a lease on the
-- job (runner = host:pid:boot, lease_until renewed with every batch); a job whose runner is gone is resumed from
-- rows_through (the last staged row committed) by the next server, or reverted by an admin.
alter table import_job drop constraint import_job_status_check;
alter table import_job add constraint import_job_status_check check (status in ('staged', 'checked', 'importing', 'imported', 'failed', 'reverting', 'reverted'));
alter table import_job add column runner text;
alter table import_job add column lease_until timestamptz;
alter table import_job add column rows_through integer not null default 0;
