-- What the speech's co-building slots rank projects by (internal/cobuilding/
-- speech.go), kept on each project by triggers on co_contribution so that a
-- slot reads the period's projects alone instead of grouping all their
-- contributions (a city's year has some 7,600 done projects and 30,000
-- contributions):
--
-- unit_count         the stationed units that gave anything
-- top_money          the most money one unit gave (the sum of its money
--                    contributions, fen), and top_money_unit_id that unit
--                    (the lowest id on a tie)
ALTER TABLE co_project ADD COLUMN unit_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE co_project ADD COLUMN top_money BIGINT NOT NULL DEFAULT 0;
ALTER TABLE co_project ADD COLUMN top_money_unit_id BIGINT REFERENCES unit(id);
UPDATE co_project SET unit_count = (SELECT COUNT(DISTINCT c.unit_id) FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL), top_money = COALESCE((SELECT SUM(c.value) FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL AND c.kind = 'money' GROUP BY c.unit_id ORDER BY SUM(c.value) DESC, c.unit_id LIMIT 1), 0), top_money_unit_id = (SELECT c.unit_id FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL AND c.kind = 'money' GROUP BY c.unit_id ORDER BY SUM(c.value) DESC, c.unit_id LIMIT 1);

-- Each trigger stays on one line: the migration runner splits statements at
-- a semicolon that ends a line.
CREATE FUNCTION co_project_picks_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE co_project SET unit_count = (SELECT COUNT(DISTINCT c.unit_id) FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL), top_money = COALESCE((SELECT SUM(c.value) FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL AND c.kind = 'money' GROUP BY c.unit_id ORDER BY SUM(c.value) DESC, c.unit_id LIMIT 1), 0), top_money_unit_id = (SELECT c.unit_id FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL AND c.kind = 'money' GROUP BY c.unit_id ORDER BY SUM(c.value) DESC, c.unit_id LIMIT 1) WHERE id IN (SELECT DISTINCT r.project_id FROM new_rows r); RETURN NULL; END $$;
CREATE TRIGGER co_contribution_picks_ins AFTER INSERT ON co_contribution REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION co_project_picks_ins();
CREATE FUNCTION co_project_picks_upd() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE co_project SET unit_count = (SELECT COUNT(DISTINCT c.unit_id) FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL), top_money = COALESCE((SELECT SUM(c.value) FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL AND c.kind = 'money' GROUP BY c.unit_id ORDER BY SUM(c.value) DESC, c.unit_id LIMIT 1), 0), top_money_unit_id = (SELECT c.unit_id FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL AND c.kind = 'money' GROUP BY c.unit_id ORDER BY SUM(c.value) DESC, c.unit_id LIMIT 1) WHERE id IN (SELECT r.project_id FROM new_rows r UNION SELECT r.project_id FROM old_rows r); RETURN NULL; END $$;
CREATE TRIGGER co_contribution_picks_upd AFTER UPDATE ON co_contribution REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION co_project_picks_upd();
CREATE FUNCTION co_project_picks_del() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE co_project SET unit_count = (SELECT COUNT(DISTINCT c.unit_id) FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL), top_money = COALESCE((SELECT SUM(c.value) FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL AND c.kind = 'money' GROUP BY c.unit_id ORDER BY SUM(c.value) DESC, c.unit_id LIMIT 1), 0), top_money_unit_id = (SELECT c.unit_id FROM co_contribution c WHERE c.project_id = co_project.id AND c.unit_id IS NOT NULL AND c.kind = 'money' GROUP BY c.unit_id ORDER BY SUM(c.value) DESC, c.unit_id LIMIT 1) WHERE id IN (SELECT DISTINCT r.project_id FROM old_rows r); RETURN NULL; END $$;
CREATE TRIGGER co_contribution_picks_del AFTER DELETE ON co_contribution REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION co_project_picks_del();
