-- Maintained counts behind the people figures (internal/tally). Counting
-- millions of memberships per request cannot answer in milliseconds, so each
-- area keeps a step function per count: a row holds the counts in force from
-- on_date until the area's next row (before its first row all are zero).
-- A figure then reads one row per area of the scope. The row-level queries
-- in internal/figures stay the drill-down and the tests' oracle.
--
-- members               memberships in force in the area's organisations (a
--                       unit's own organisation counts where its unit is located)
-- enrolled              running total of memberships started by enrolment or
--                       transfer in, in organisations of a community
-- units                 units in existence and located in the area
-- units_with_concurrent units located here with a concurrent committee member
-- concurrent_posts      concurrent member posts in the area's organisations
-- cross_appointed       1 while the residents' committee director is also the
--                       secretary of one of the area's organisations
-- reg_members           in-service members registered with the area
-- reg_units             units' organisations registered with the area
CREATE TABLE tally (
  area_id               BIGINT NOT NULL REFERENCES area(id),
  on_date               DATE NOT NULL,
  members               INTEGER NOT NULL,
  enrolled              INTEGER NOT NULL,
  units                 INTEGER NOT NULL,
  units_with_concurrent INTEGER NOT NULL,
  concurrent_posts      INTEGER NOT NULL,
  cross_appointed       INTEGER NOT NULL,
  reg_members           INTEGER NOT NULL,
  reg_units             INTEGER NOT NULL,
  PRIMARY KEY (area_id, on_date)
);

-- The last row of each year in which the area's counts changed: the counts
-- in force on that year's 31 December, and on_date, the day they have been
-- in force since. It is a hundredth of tally's size, and a lookup in it a
-- fraction of the time: a figure for a date D reads the area's row for the
-- latest year up to D's, which holds on D unless its on_date is after D
-- (then, and only then, it looks in tally).
CREATE TABLE tally_year (
  area_id               BIGINT NOT NULL REFERENCES area(id),
  year                  INTEGER NOT NULL,
  on_date               DATE NOT NULL,
  members               INTEGER NOT NULL,
  enrolled              INTEGER NOT NULL,
  units                 INTEGER NOT NULL,
  units_with_concurrent INTEGER NOT NULL,
  concurrent_posts      INTEGER NOT NULL,
  cross_appointed       INTEGER NOT NULL,
  reg_members           INTEGER NOT NULL,
  reg_units             INTEGER NOT NULL,
  PRIMARY KEY (area_id, year)
);

-- What changed since the counts were last brought up to date: an area, a
-- party organisation or a unit (kind), filled by the triggers below on every
-- write to the tables the counts come from, emptied by tally.Flush in the
-- same transaction. While it holds a row the figures count rows instead, so
-- a write that forgot to flush costs speed, never a wrong figure.
-- No key on PostgreSQL: two writers noting the same organisation must not
-- wait for each other (one may already hold the writers' lock the other
-- waits for, a deadlock); the same note twice is harmless.
CREATE TABLE tally_dirty (
  kind TEXT NOT NULL CHECK (kind IN ('area','org','unit')),
  id   BIGINT NOT NULL
);

-- Statement-level triggers read the changed rows as transition tables, so a
-- bulk insert marks each organisation once, not once per row. Each function
-- stays on one line: the migration runner splits statements at a semicolon
-- that ends a line.
CREATE FUNCTION tally_mark_membership_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'org', org_id FROM new_rows; RETURN NULL; END $$;
CREATE TRIGGER tally_membership_ins AFTER INSERT ON membership REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_membership_ins();
CREATE FUNCTION tally_mark_membership_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT 'org', org_id FROM new_rows UNION SELECT 'org', org_id FROM old_rows; RETURN NULL; END $$;
CREATE TRIGGER tally_membership_upd AFTER UPDATE ON membership REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_membership_upd();
CREATE FUNCTION tally_mark_post_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT k, i FROM (SELECT 'org' AS k, org_id AS i FROM new_rows UNION SELECT 'area', area_id FROM new_rows UNION SELECT 'unit', unit_id FROM new_rows) c WHERE i IS NOT NULL; RETURN NULL; END $$;
CREATE TRIGGER tally_post_ins AFTER INSERT ON post REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_post_ins();
CREATE FUNCTION tally_mark_post_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT k, i FROM (SELECT 'org' AS k, org_id AS i FROM new_rows UNION SELECT 'area', area_id FROM new_rows UNION SELECT 'unit', unit_id FROM new_rows UNION SELECT 'org', org_id FROM old_rows UNION SELECT 'area', area_id FROM old_rows UNION SELECT 'unit', unit_id FROM old_rows) c WHERE i IS NOT NULL; RETURN NULL; END $$;
CREATE TRIGGER tally_post_upd AFTER UPDATE ON post REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_post_upd();
CREATE FUNCTION tally_mark_registration_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', area_id FROM new_rows; RETURN NULL; END $$;
CREATE TRIGGER tally_registration_ins AFTER INSERT ON registration REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_registration_ins();
CREATE FUNCTION tally_mark_registration_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT 'area', area_id FROM new_rows UNION SELECT 'area', area_id FROM old_rows; RETURN NULL; END $$;
CREATE TRIGGER tally_registration_upd AFTER UPDATE ON registration REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_registration_upd();
CREATE FUNCTION tally_mark_unit_location_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', area_id FROM new_rows; RETURN NULL; END $$;
CREATE TRIGGER tally_unit_location_ins AFTER INSERT ON unit_location REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_unit_location_ins();
CREATE FUNCTION tally_mark_unit_location_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT 'area', area_id FROM new_rows UNION SELECT 'area', area_id FROM old_rows; RETURN NULL; END $$;
CREATE TRIGGER tally_unit_location_upd AFTER UPDATE ON unit_location REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_unit_location_upd();
CREATE FUNCTION tally_mark_unit_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'unit', id FROM new_rows; RETURN NULL; END $$;
CREATE TRIGGER tally_unit_upd AFTER UPDATE ON unit REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_unit_upd();
-- The application deletes nothing; an operator's script might.
CREATE FUNCTION tally_mark_membership_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'org', org_id FROM old_rows; RETURN NULL; END $$;
CREATE TRIGGER tally_membership_del AFTER DELETE ON membership REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_membership_del();
CREATE FUNCTION tally_mark_post_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT k, i FROM (SELECT 'org' AS k, org_id AS i FROM old_rows UNION SELECT 'area', area_id FROM old_rows UNION SELECT 'unit', unit_id FROM old_rows) c WHERE i IS NOT NULL; RETURN NULL; END $$;
CREATE TRIGGER tally_post_del AFTER DELETE ON post REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_post_del();
CREATE FUNCTION tally_mark_registration_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', area_id FROM old_rows; RETURN NULL; END $$;
CREATE TRIGGER tally_registration_del AFTER DELETE ON registration REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_registration_del();
CREATE FUNCTION tally_mark_unit_location_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tally_dirty (kind, id) SELECT DISTINCT 'area', area_id FROM old_rows; RETURN NULL; END $$;
CREATE TRIGGER tally_unit_location_del AFTER DELETE ON unit_location REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tally_mark_unit_location_del();

-- Data written before this migration: count every area on the next flush.
INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area;
