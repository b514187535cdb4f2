-- petitions.resolution_rate over one calendar year reads maintained counts
-- (internal/services/petition_tally.go): petitions_resolved_in_year is the
-- running total, by received_on, of the cases resolved in the year they
-- were received. Any other period counts rows (figures.Tallied.SingleYear).
ALTER TABLE tally ADD COLUMN petitions_resolved_in_year BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_year ADD COLUMN petitions_resolved_in_year BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_jan1 ADD COLUMN petitions_resolved_in_year BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tally_rollup ADD COLUMN petitions_resolved_in_year BIGINT NOT NULL DEFAULT 0;

-- Data written before this migration: count every area on the next flush.
INSERT INTO tally_dirty (kind, id) SELECT 'area', id FROM area ON CONFLICT DO NOTHING;
