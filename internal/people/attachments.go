package people

import (
	"context"
	"database/sql"
	"errors"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/tally"
)

// People's records hang on an area and its party organisations: the
// memberships and posts of its organisations, its director, the units
// located in it and the registrations with it. They are counted before the
// area ends and moved with it (area.Attachment).

// activeAfter is "row x is still open after day ?": it has no end, or ends later.
func activeAfter(x string) string { return "(" + x + ".to_on IS NULL OR " + x + ".to_on > ?)" }

// AttachedTo counts the records attached to the area that are still active
// after day on.
func (s *Store) AttachedTo(ctx context.Context, q db.Q, areaID int64, on date.Date) ([]area.Attached, error) {
	counts := []struct{ kind, query string }{
		{"ui.attached.members", "SELECT COUNT(*) FROM membership m JOIN party_org o ON o.id = m.org_id WHERE o.area_id = ? AND " + activeAfter("m")},
		{"ui.attached.posts", "SELECT COUNT(*) FROM post p WHERE (p.org_id IN (SELECT id FROM party_org WHERE area_id = ?) OR p.area_id = ?) AND " + activeAfter("p")},
		{"ui.attached.units", "SELECT COUNT(*) FROM unit_location l WHERE l.area_id = ? AND " + activeAfter("l")},
		{"ui.attached.registrations", "SELECT COUNT(*) FROM registration r WHERE r.area_id = ? AND " + activeAfter("r")},
	}
	out := make([]area.Attached, 0, len(counts))
	for _, c := range counts {
		args := []any{areaID, on}
		if c.kind == "ui.attached.posts" {
			args = []any{areaID, areaID, on}
		}
		var n int
		if err := q.QueryRowContext(ctx, c.query, args...).Scan(&n); err != nil {
			return nil, wrap("attached", err)
		}
		out = append(out, area.Attached{Kind: c.kind, N: n})
	}
	return out, nil
}

// MoveAttached moves what hangs on the area from to the area to, from day
// on, in the caller's transaction: memberships transfer to to's party
// organisation (reason other, so they do not count as enrolled), posts end
// with the organisation or the community, units relocate, registrations
// continue with to. Records that start on or after on simply change place.
func (s *Store) MoveAttached(ctx context.Context, q db.Q, from, to int64, on date.Date) error {
	if err := s.moveMemberships(ctx, q, from, to, on); err != nil {
		return err
	}
	steps := []struct {
		query string
		args  []any
	}{
		// Posts end with their organisation, a director's with the community.
		{"UPDATE post SET to_on = ?, end_note = 'organisation ended' WHERE org_id IN (SELECT id FROM party_org WHERE area_id = ?) AND from_on < ? AND " + activeAfter("post"), []any{on, from, on, on}},
		{"UPDATE post SET to_on = ?, end_note = 'community ended' WHERE area_id = ? AND from_on < ? AND " + activeAfter("post"), []any{on, from, on, on}},
		// Units: the current location ends and one in to starts the same day.
		{"INSERT INTO unit_location (unit_id, area_id, from_on) SELECT l.unit_id, ?, ? FROM unit_location l WHERE l.area_id = ? AND l.from_on < ? AND " + activeAfter("l"), []any{to, on, from, on, on}},
		{"UPDATE unit_location SET to_on = ? WHERE area_id = ? AND from_on < ? AND " + activeAfter("unit_location"), []any{on, from, on, on}},
		{"UPDATE unit_location SET area_id = ? WHERE area_id = ? AND from_on >= ?", []any{to, from, on}},
		// Registrations continue with to.
		{"INSERT INTO registration (kind, person_id, org_id, area_id, from_on, note) SELECT r.kind, r.person_id, r.org_id, ?, ?, r.note FROM registration r WHERE r.area_id = ? AND r.from_on < ? AND " + activeAfter("r"), []any{to, on, from, on, on}},
		{"UPDATE registration SET to_on = ? WHERE area_id = ? AND from_on < ? AND " + activeAfter("registration"), []any{on, from, on, on}},
		{"UPDATE registration SET area_id = ? WHERE area_id = ? AND from_on >= ?", []any{to, from, on}},
	}
	for _, st := range steps {
		if _, err := q.ExecContext(ctx, st.query, st.args...); err != nil {
			return wrap("move attached", err)
		}
	}
	if err := record(ctx, q, "people.move_attached", "area", from, nil, map[string]any{"to_area_id": to, "on": on}); err != nil {
		return err
	}
	_, err := tally.Flush(ctx, q)
	return err
}

// moveMemberships ends the open memberships of from's organisations on day
// on and opens each again in the organisation of to.
func (s *Store) moveMemberships(ctx context.Context, q db.Q, from, to int64, on date.Date) error {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM membership m JOIN party_org o ON o.id = m.org_id WHERE o.area_id = ? AND "+activeAfter("m"),
		from, on).Scan(&n); err != nil || n == 0 {
		return wrap("move memberships", err)
	}
	var orgID int64
	var orgName, areaName string
	err := q.QueryRowContext(ctx, "SELECT o.id, o.name, a.name FROM party_org o JOIN area a ON a.id = o.area_id"+
		" WHERE o.area_id = ? AND o.started_on <= ? AND (o.ended_on IS NULL OR o.ended_on > ?)"+
		" ORDER BY CASE o.kind WHEN 'branch' THEN 0 ELSE 1 END, o.id LIMIT 1", to, on, on).Scan(&orgID, &orgName, &areaName)
	if errors.Is(err, sql.ErrNoRows) {
		var name string
		_ = q.QueryRowContext(ctx, "SELECT name FROM area WHERE id = ?", to).Scan(&name)
		return i18n.Errf("target_id", "err.attached_no_org", name, n)
	}
	if err != nil {
		return wrap("move memberships", err)
	}
	steps := []struct {
		query string
		args  []any
	}{
		// Memberships that start on or after the day only change organisation.
		{"UPDATE membership SET org_id = ? WHERE org_id IN (SELECT id FROM party_org WHERE area_id = ?) AND from_on >= ?", []any{orgID, from, on}},
		// The others end on the day as transferred out …
		{"UPDATE membership SET to_on = ?, end_reason = 'transfer_out', to_org_name = ? WHERE org_id IN (SELECT id FROM party_org WHERE area_id = ?) AND " + activeAfter("membership"),
			[]any{on, orgName, from, on}},
		// … and open again the same day in to's organisation, linked to the old.
		{"INSERT INTO membership (person_id, org_id, status, category, joined_party_on, full_on, from_on, start_reason, from_org_name, previous_id, note)" +
			" SELECT m.person_id, ?, m.status, m.category, m.joined_party_on, m.full_on, ?, 'other', o.name, m.id, m.note" +
			" FROM membership m JOIN party_org o ON o.id = m.org_id WHERE o.area_id = ? AND m.to_on = ? AND m.end_reason = 'transfer_out' AND m.to_org_name = ?" +
			" AND NOT EXISTS (SELECT 1 FROM membership n WHERE n.previous_id = m.id)",
			[]any{orgID, on, from, on, orgName}},
	}
	for _, st := range steps {
		if _, err := q.ExecContext(ctx, st.query, st.args...); err != nil {
			return wrap("move memberships", err)
		}
	}
	return nil
}
