-- SPDX-License-Identifier: EUPL-1.2
-- The journal stays append-only, with one exception the law requires: once
-- personal data is purged or erased (RGPD), the events that carried it are
-- redacted in place. Only `data` may change, only inside a transaction that
-- says so (SET LOCAL gusp.redacting = 'on'), and rows are never deleted.
CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND coalesce(current_setting('gusp.redacting', true), '') = 'on'
     AND NEW.position = OLD.position AND NEW.stream = OLD.stream AND NEW.version = OLD.version
     AND NEW.type = OLD.type AND NEW.at = OLD.at AND NEW.client_id IS NOT DISTINCT FROM OLD.client_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the events journal is append-only';
END
$$;
