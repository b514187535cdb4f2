package services

import (
	"context"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// OutletKind is what an outlet is (服务站点).
type OutletKind string

// OutletKinds in the order of the speech; "other" last.
var OutletKinds = []OutletKind{"sanitation_station", "cleaning_team", "elderly_centre", "family_planning_centre", "housekeeping_centre", "disability_centre", "other"}

// OutletInput is an outlet opened at a subdistrict or community on FromOn.
type OutletInput struct {
	AreaID int64      `json:"area_id"`
	Kind   OutletKind `json:"kind"`
	Name   string     `json:"name"`
	FromOn date.Date  `json:"from_on"`
	ToOn   date.Date  `json:"to_on,omitzero"`
	Note   string     `json:"note,omitempty"`
}

// Outlet is a stored outlet.
type Outlet struct {
	ID     int64      `json:"id"`
	AreaID int64      `json:"area_id"`
	Kind   OutletKind `json:"kind"`
	Name   string     `json:"name"`
	FromOn date.Date  `json:"from_on"`
	ToOn   date.Date  `json:"to_on,omitzero"`
	Note   string     `json:"note"`
}

// OpenOn reports whether the outlet is open on day.
func (o Outlet) OpenOn(day date.Date) bool { return date.InSpan(o.FromOn, o.ToOn, day) }

// OpenIn reports whether the outlet is open on some day of [from, to].
func (o Outlet) OpenIn(from, to date.Date) bool {
	return !o.FromOn.After(to) && (o.ToOn.IsZero() || o.ToOn.After(from))
}

// CreateOutlet records an outlet at a subdistrict or community in the
// scope, active on FromOn.
func (s *Store) CreateOutlet(ctx context.Context, in OutletInput) (int64, error) {
	var err error
	if !oneOf(in.Kind, OutletKinds) {
		return 0, i18n.Errf("kind", "err.outlet_kind_invalid")
	}
	if in.Name, err = text("name", in.Name, 100, true); err != nil {
		return 0, err
	}
	if in.Note, err = text("note", in.Note, 500, false); err != nil {
		return 0, err
	}
	if _, err := s.placeOn(ctx, "area_id", in.AreaID, date.Date{}, area.Subdistrict, area.Community); err != nil {
		return 0, err
	}
	if err := s.checkDate("from_on", in.FromOn); err != nil {
		return 0, err
	}
	if _, err := s.placeOn(ctx, "area_id", in.AreaID, in.FromOn, area.Subdistrict, area.Community); err != nil {
		return 0, err
	}
	if err := s.checkEnd("to_on", in.FromOn, in.ToOn); err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		if err := q.QueryRowContext(ctx, "INSERT INTO outlet (area_id, kind, name, from_on, to_on, note) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
			in.AreaID, in.Kind, in.Name, in.FromOn, db.Null(in.ToOn), in.Note).Scan(&id); err != nil {
			return err
		}
		return record(ctx, q, "outlet.create", "outlet", id, in)
	})
	return id, err
}

// OutletChange corrects an outlet's kind, name and note.
type OutletChange struct {
	Kind OutletKind `json:"kind"`
	Name string     `json:"name"`
	Note string     `json:"note,omitempty"`
}

// UpdateOutlet corrects an outlet in the scope.
func (s *Store) UpdateOutlet(ctx context.Context, id int64, ch OutletChange) error {
	var err error
	if !oneOf(ch.Kind, OutletKinds) {
		return i18n.Errf("kind", "err.outlet_kind_invalid")
	}
	if ch.Name, err = text("name", ch.Name, 100, true); err != nil {
		return err
	}
	if ch.Note, err = text("note", ch.Note, 500, false); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		if _, err := s.loadOutlet(ctx, q, "outlet_id", id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE outlet SET kind = ?, name = ?, note = ? WHERE id = ?", ch.Kind, ch.Name, ch.Note, id); err != nil {
			return err
		}
		return record(ctx, q, "outlet.update", "outlet", id, ch)
	})
}

// EndOutlet closes an outlet on day (its last day is the day before). An
// outlet that had records of services after day cannot close before them.
func (s *Store) EndOutlet(ctx context.Context, id int64, day date.Date) error {
	if err := s.checkDate("to_on", day); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		o, err := s.loadOutlet(ctx, q, "outlet_id", id)
		if err != nil {
			return err
		}
		if !o.ToOn.IsZero() {
			return i18n.Errf("to_on", "err.outlet_closed", o.Name, o.ToOn.String())
		}
		if err := s.checkEnd("to_on", o.FromOn, day); err != nil {
			return err
		}
		var later int
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM service_record WHERE outlet_id = ? AND on_date >= ?", id, day).Scan(&later); err != nil {
			return err
		}
		if later > 0 {
			return i18n.Errf("to_on", "err.outlet_records_after", later)
		}
		if _, err := q.ExecContext(ctx, "UPDATE outlet SET to_on = ? WHERE id = ?", day, id); err != nil {
			return err
		}
		return record(ctx, q, "outlet.end", "outlet", id, map[string]any{"to_on": day})
	})
}

const outletCols = "o.id, o.area_id, o.kind, o.name, o.from_on, o.to_on, o.note"

func scanOutlet(row scanner) (Outlet, error) {
	var o Outlet
	err := row.Scan(&o.ID, &o.AreaID, &o.Kind, &o.Name, &o.FromOn, &o.ToOn, &o.Note)
	return o, err
}

// loadOutlet reads outlet id, refusing one outside the scope.
func (s *Store) loadOutlet(ctx context.Context, q db.Q, field string, id int64) (Outlet, error) {
	o, err := scanOutlet(q.QueryRowContext(ctx, "SELECT "+outletCols+" FROM outlet o WHERE o.id = ?", id))
	if db.IsNotFound(err) {
		return o, notFound(field, "err.outlet_unknown", id)
	}
	if err == nil {
		err = s.visible(ctx, field, o.AreaID)
	}
	return o, err
}

// Outlet returns one outlet in the scope.
func (s *Store) Outlet(ctx context.Context, id int64) (Outlet, error) {
	return s.loadOutlet(ctx, s.DB.Reader(), "outlet_id", id)
}

// OutletFilter chooses outlets: under an area (the scope when 0), of a
// kind ("" for any), open on a day (zero for any); After is the last id
// of the previous page.
type OutletFilter struct {
	AreaID int64
	Kind   OutletKind
	On     date.Date
	After  int64
	Limit  int
}

// outletWhere is the filter's condition and arguments.
func (s *Store) outletWhere(ctx context.Context, f OutletFilter) ([]string, []any, error) {
	root, err := s.subtree(ctx, f.AreaID)
	if err != nil {
		return nil, nil, err
	}
	where, args := []string{"o.id > ?"}, []any{f.After}
	if root != 0 {
		where, args = append(where, within("o.area_id")), append(args, root)
	}
	if f.Kind != "" {
		where, args = append(where, "o.kind = ?"), append(args, f.Kind)
	}
	if !f.On.IsZero() {
		where, args = append(where, "o.from_on <= ? AND (o.to_on IS NULL OR ? < o.to_on)"), append(args, f.On, f.On)
	}
	return where, args, nil
}

// ListOutlets lists outlets in the scope by id.
func (s *Store) ListOutlets(ctx context.Context, f OutletFilter) ([]Outlet, error) {
	where, args, err := s.outletWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	return list(ctx, s.DB.Reader(), scanOutlet, "SELECT "+outletCols+" FROM outlet o WHERE "+strings.Join(where, " AND ")+" ORDER BY o.id LIMIT "+itoa(int64(page(f.Limit))), args...)
}

// KindCount is how many records of one kind a list holds.
type KindCount struct {
	Kind string `json:"kind"`
	N    int64  `json:"n"`
}

// CountOutlets counts the outlets the filter chooses (After and Limit
// aside) by kind, in the order of OutletKinds, every kind listed.
func (s *Store) CountOutlets(ctx context.Context, f OutletFilter) ([]KindCount, error) {
	f.After = 0
	where, args, err := s.outletWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	got, err := countBy(ctx, s.DB.Reader(), "SELECT o.kind, COUNT(*) FROM outlet o WHERE "+strings.Join(where, " AND ")+" GROUP BY o.kind", args...)
	if err != nil {
		return nil, err
	}
	return kindCounts(got, OutletKinds), nil
}

// countBy reads (kind, count) rows.
func countBy(ctx context.Context, q db.Q, query string, args ...any) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		out[k] = n
	}
	return out, rows.Err()
}

// kindCounts lists got in the order of kinds, zero counts included.
func kindCounts[T ~string](got map[string]int64, kinds []T) []KindCount {
	out := make([]KindCount, len(kinds))
	for i, k := range kinds {
		out[i] = KindCount{Kind: string(k), N: got[string(k)]}
	}
	return out
}
