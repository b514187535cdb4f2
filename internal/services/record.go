package services

import (
	"context"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// ServiceKind is what a service was.
type ServiceKind string

// ServiceKinds in the order of the speech (技术培训、就业指导、医疗保健、老人护理); "other" last.
var ServiceKinds = []ServiceKind{"training", "job_guidance", "health_care", "elderly_care", "other"}

// Span is how long a record covers: a day, or a month (dated on its
// first day).
type Span string

// The spans of a record.
const (
	Day   Span = "day"
	Month Span = "month"
)

// RecordInput is the services given by an outlet (OutletID), or by an
// area without one (AreaID), of a kind on a day or in the month of On.
type RecordInput struct {
	OutletID       int64       `json:"outlet_id,omitempty"`
	AreaID         int64       `json:"area_id,omitempty"`
	Kind           ServiceKind `json:"kind"`
	Span           Span        `json:"span"`
	On             date.Date   `json:"on_date"`
	PersonTimes    int64       `json:"person_times"`
	VolunteerHours int64       `json:"volunteer_hours"`
	Note           string      `json:"note,omitempty"`
}

// Record is a stored service record.
type Record struct {
	ID             int64       `json:"id"`
	AreaID         int64       `json:"area_id"`
	OutletID       int64       `json:"outlet_id,omitempty"`
	OutletName     string      `json:"outlet_name,omitempty"`
	Kind           ServiceKind `json:"kind"`
	Span           Span        `json:"span"`
	On             date.Date   `json:"on_date"`
	PersonTimes    int64       `json:"person_times"`
	VolunteerHours int64       `json:"volunteer_hours"`
	Note           string      `json:"note"`
}

// MonthOf is the first day of day's month.
func MonthOf(day date.Date) date.Date { return date.New(day.Year(), day.Month(), 1) }

// monthEnd is the last day of the month that starts on first.
func monthEnd(first date.Date) date.Date {
	return date.Of(first.Time().AddDate(0, 1, 0)).AddDays(-1)
}

// checkRecord validates in on q and returns it normalised (a month's
// record dated on its first day, the area the outlet's). Each refusal
// names its field.
// outlets, when not nil, keeps the outlets already read (a batch).
func (s *Store) checkRecord(ctx context.Context, q db.Q, in RecordInput, outlets map[int64]Outlet) (RecordInput, error) {
	var err error
	if !oneOf(in.Kind, ServiceKinds) {
		return in, i18n.Errf("kind", "err.service_kind_invalid")
	}
	if in.Span != Day && in.Span != Month {
		return in, i18n.Errf("span", "err.service_span_invalid")
	}
	if err := notNegative("person_times", in.PersonTimes); err != nil {
		return in, err
	}
	if err := notNegative("volunteer_hours", in.VolunteerHours); err != nil {
		return in, err
	}
	if in.Note, err = text("note", in.Note, 500, false); err != nil {
		return in, err
	}
	if in.OutletID != 0 && in.AreaID != 0 {
		return in, i18n.Errf("area_id", "err.service_outlet_or_area")
	}
	if in.OutletID == 0 && in.AreaID == 0 {
		return in, i18n.Errf("outlet_id", "err.service_outlet_or_area")
	}
	var o Outlet
	if known, ok := outlets[in.OutletID]; ok && in.OutletID != 0 {
		o = known
	} else if in.OutletID != 0 {
		if o, err = s.loadOutlet(ctx, q, "outlet_id", in.OutletID); err != nil {
			return in, err
		}
		if outlets != nil {
			outlets[o.ID] = o
		}
	} else if _, err := s.placeOn(ctx, "area_id", in.AreaID, date.Date{}, area.Subdistrict, area.Community); err != nil {
		return in, err
	}
	if err := s.checkDate("on_date", in.On); err != nil {
		return in, err
	}
	from, to := in.On, in.On
	if in.Span == Month {
		in.On = MonthOf(in.On)
		from, to = in.On, monthEnd(in.On)
	}
	if in.OutletID != 0 {
		if !o.OpenIn(from, to) {
			return in, i18n.Errf("on_date", "err.service_outlet_closed", o.Name, o.FromOn.String(), toText(o.ToOn))
		}
		in.AreaID = o.AreaID
	} else {
		a, _ := s.inScope(ctx, "area_id", in.AreaID)
		if a.EstablishedOn.After(to) || (!a.EndedOn.IsZero() && !a.EndedOn.After(from)) {
			return in, i18n.Errf("on_date", "err.svc_area_inactive", a.Name, from.String())
		}
	}
	return in, nil
}

// toText is a date, or "—" for none.
func toText(d date.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.String()
}

// CreateRecord records the services of one outlet or area, kind and day
// or month. A second record for the same cell is refused: correct the
// first (UpdateRecord, or the grid).
func (s *Store) CreateRecord(ctx context.Context, in RecordInput) (int64, error) {
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		var err error
		if in, err = s.checkRecord(ctx, q, in, nil); err != nil {
			return err
		}
		if existing, err := findCell(ctx, q, in); err != nil {
			return err
		} else if existing != 0 {
			return &i18n.Error{Field: "on_date", Key: "err.service_record_twice", Args: []any{existing}, Err: fault.Conflict}
		}
		if id, err = insertRecord(ctx, q, in); err != nil {
			return err
		}
		return record(ctx, q, "service_record.create", "service_record", id, in)
	})
	return id, err
}

// findCell is the id of the record of in's cell, 0 for none.
func findCell(ctx context.Context, q db.Q, in RecordInput) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, "SELECT id FROM service_record WHERE area_id = ? AND COALESCE(outlet_id, 0) = ? AND kind = ? AND span = ? AND on_date = ?",
		in.AreaID, in.OutletID, in.Kind, in.Span, in.On).Scan(&id)
	if db.IsNotFound(err) {
		return 0, nil
	}
	return id, err
}

func insertRecord(ctx context.Context, q db.Q, in RecordInput) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, "INSERT INTO service_record (area_id, outlet_id, kind, span, on_date, person_times, volunteer_hours, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		in.AreaID, db.NullID(in.OutletID), in.Kind, in.Span, in.On, in.PersonTimes, in.VolunteerHours, in.Note).Scan(&id)
	return id, err
}

// RecordChange corrects the counts and note of a record.
type RecordChange struct {
	PersonTimes    int64  `json:"person_times"`
	VolunteerHours int64  `json:"volunteer_hours"`
	Note           string `json:"note,omitempty"`
}

// UpdateRecord corrects a service record in the scope.
func (s *Store) UpdateRecord(ctx context.Context, id int64, ch RecordChange) error {
	if err := notNegative("person_times", ch.PersonTimes); err != nil {
		return err
	}
	if err := notNegative("volunteer_hours", ch.VolunteerHours); err != nil {
		return err
	}
	var err error
	if ch.Note, err = text("note", ch.Note, 500, false); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		if _, err := s.loadRecord(ctx, q, "record_id", id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE service_record SET person_times = ?, volunteer_hours = ?, note = ? WHERE id = ?", ch.PersonTimes, ch.VolunteerHours, ch.Note, id); err != nil {
			return err
		}
		return record(ctx, q, "service_record.update", "service_record", id, ch)
	})
}

const recordCols = "r.id, r.area_id, COALESCE(r.outlet_id, 0), COALESCE(o.name, ''), r.kind, r.span, r.on_date, r.person_times, r.volunteer_hours, r.note"

const recordFrom = " FROM service_record r LEFT JOIN outlet o ON o.id = r.outlet_id"

func scanRecord(row scanner) (Record, error) {
	var r Record
	err := row.Scan(&r.ID, &r.AreaID, &r.OutletID, &r.OutletName, &r.Kind, &r.Span, &r.On, &r.PersonTimes, &r.VolunteerHours, &r.Note)
	return r, err
}

// loadRecord reads record id, refusing one outside the scope.
func (s *Store) loadRecord(ctx context.Context, q db.Q, field string, id int64) (Record, error) {
	r, err := scanRecord(q.QueryRowContext(ctx, "SELECT "+recordCols+recordFrom+" WHERE r.id = ?", id))
	if db.IsNotFound(err) {
		return r, notFound(field, "err.service_record_unknown", id)
	}
	if err == nil {
		err = s.visible(ctx, field, r.AreaID)
	}
	return r, err
}

// ServiceRecord returns one record in the scope.
func (s *Store) ServiceRecord(ctx context.Context, id int64) (Record, error) {
	return s.loadRecord(ctx, s.DB.Reader(), "record_id", id)
}

// RecordFilter chooses records: under an area (the scope when 0), of an
// outlet (0 for any), of a kind ("" for any), dated from From to To (zero:
// open); After is the last id of the previous page.
type RecordFilter struct {
	AreaID   int64
	OutletID int64
	Kind     ServiceKind
	From, To date.Date
	After    int64
	Limit    int
}

func (s *Store) recordWhere(ctx context.Context, f RecordFilter) ([]string, []any, error) {
	root, err := s.subtree(ctx, f.AreaID)
	if err != nil {
		return nil, nil, err
	}
	where, args := []string{"r.id > ?"}, []any{f.After}
	if root != 0 {
		where, args = append(where, within("r.area_id")), append(args, root)
	}
	if f.OutletID != 0 {
		where, args = append(where, "r.outlet_id = ?"), append(args, f.OutletID)
	}
	if f.Kind != "" {
		where, args = append(where, "r.kind = ?"), append(args, f.Kind)
	}
	if !f.From.IsZero() {
		where, args = append(where, "r.on_date >= ?"), append(args, f.From)
	}
	if !f.To.IsZero() {
		where, args = append(where, "r.on_date <= ?"), append(args, f.To)
	}
	return where, args, nil
}

// ListRecords lists service records in the scope by id.
func (s *Store) ListRecords(ctx context.Context, f RecordFilter) ([]Record, error) {
	where, args, err := s.recordWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	return list(ctx, s.DB.Reader(), scanRecord, "SELECT "+recordCols+recordFrom+" WHERE "+strings.Join(where, " AND ")+" ORDER BY r.id LIMIT "+itoa(int64(page(f.Limit))), args...)
}

// SumRecords adds up the person-times the filter chooses by kind.
func (s *Store) SumRecords(ctx context.Context, f RecordFilter) ([]KindCount, error) {
	f.After = 0
	where, args, err := s.recordWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	got, err := countBy(ctx, s.DB.Reader(), "SELECT r.kind, COALESCE(SUM(r.person_times), 0) FROM service_record r WHERE "+strings.Join(where, " AND ")+" GROUP BY r.kind", args...)
	if err != nil {
		return nil, err
	}
	return kindCounts(got, ServiceKinds), nil
}
