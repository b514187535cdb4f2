package services

import (
	"context"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// DesignationKind is the title an estate was awarded.
type DesignationKind string

// SafeNeighbourhood is 安全文明小区; Other is any other title, named.
const (
	SafeNeighbourhood DesignationKind = "safe_civilised_neighbourhood"
	OtherTitle        DesignationKind = "other"
)

// DesignationKinds in the order a form offers them.
var DesignationKinds = []DesignationKind{SafeNeighbourhood, OtherTitle}

// EndReasons say why a designation ended.
var EndReasons = []string{"revoked", "expired"}

// DesignationInput is a title awarded to an estate of a community by
// someone (AwardedBy) from FromOn.
type DesignationInput struct {
	AreaID    int64           `json:"area_id"`
	Estate    string          `json:"estate"`
	Kind      DesignationKind `json:"kind"`
	Title     string          `json:"title,omitempty"`
	AwardedBy string          `json:"awarded_by"`
	FromOn    date.Date       `json:"from_on"`
	Note      string          `json:"note,omitempty"`
}

// Designation is a stored designation; ToOn and EndReason are set once it
// was revoked or expired.
type Designation struct {
	ID        int64           `json:"id"`
	AreaID    int64           `json:"area_id"`
	Estate    string          `json:"estate"`
	Kind      DesignationKind `json:"kind"`
	Title     string          `json:"title"`
	AwardedBy string          `json:"awarded_by"`
	FromOn    date.Date       `json:"from_on"`
	ToOn      date.Date       `json:"to_on,omitzero"`
	EndReason string          `json:"end_reason,omitempty"`
	Note      string          `json:"note"`
}

// InForceOn reports whether the designation holds on day.
func (d Designation) InForceOn(day date.Date) bool { return date.InSpan(d.FromOn, d.ToOn, day) }

// designationText checks the free-text fields and the kind of in.
func designationText(in *DesignationInput) error {
	var err error
	if in.Estate, err = text("estate", in.Estate, 100, true); err != nil {
		return err
	}
	if !oneOf(in.Kind, DesignationKinds) {
		return i18n.Errf("kind", "err.designation_kind_invalid")
	}
	if in.Title, err = text("title", in.Title, 100, in.Kind == OtherTitle); err != nil {
		return err
	}
	if in.Kind == SafeNeighbourhood {
		in.Title = ""
	}
	if in.AwardedBy, err = text("awarded_by", in.AwardedBy, 100, true); err != nil {
		return err
	}
	in.Note, err = text("note", in.Note, 500, false)
	return err
}

// CreateDesignation records a title awarded to an estate of a community in
// the scope, active on FromOn.
func (s *Store) CreateDesignation(ctx context.Context, in DesignationInput) (int64, error) {
	if _, err := s.placeOn(ctx, "area_id", in.AreaID, date.Date{}, area.Community); err != nil {
		return 0, err
	}
	if err := designationText(&in); err != nil {
		return 0, err
	}
	if err := s.checkDate("from_on", in.FromOn); err != nil {
		return 0, err
	}
	if _, err := s.placeOn(ctx, "area_id", in.AreaID, in.FromOn, area.Community); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		if err := q.QueryRowContext(ctx, "INSERT INTO designation (area_id, estate, kind, title, awarded_by, from_on, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
			in.AreaID, in.Estate, in.Kind, in.Title, in.AwardedBy, in.FromOn, in.Note).Scan(&id); err != nil {
			return err
		}
		return record(ctx, q, "designation.create", "designation", id, in)
	})
	return id, err
}

// DesignationChange corrects what was awarded, by whom, and the note.
type DesignationChange struct {
	Estate    string          `json:"estate"`
	Kind      DesignationKind `json:"kind"`
	Title     string          `json:"title,omitempty"`
	AwardedBy string          `json:"awarded_by"`
	Note      string          `json:"note,omitempty"`
}

// UpdateDesignation corrects a designation in the scope.
func (s *Store) UpdateDesignation(ctx context.Context, id int64, ch DesignationChange) error {
	in := DesignationInput{Estate: ch.Estate, Kind: ch.Kind, Title: ch.Title, AwardedBy: ch.AwardedBy, Note: ch.Note}
	if err := designationText(&in); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		if _, err := s.loadDesignation(ctx, q, "designation_id", id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE designation SET estate = ?, kind = ?, title = ?, awarded_by = ?, note = ? WHERE id = ?",
			in.Estate, in.Kind, in.Title, in.AwardedBy, in.Note, id); err != nil {
			return err
		}
		return record(ctx, q, "designation.update", "designation", id, in)
	})
}

// EndDesignation ends a designation on day, revoked or expired.
func (s *Store) EndDesignation(ctx context.Context, id int64, day date.Date, reason string) error {
	if err := s.checkDate("to_on", day); err != nil {
		return err
	}
	if !oneOf(reason, EndReasons) {
		return i18n.Errf("end_reason", "err.designation_reason_invalid")
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		d, err := s.loadDesignation(ctx, q, "designation_id", id)
		if err != nil {
			return err
		}
		if !d.ToOn.IsZero() {
			return i18n.Errf("to_on", "err.designation_ended", d.Estate, d.ToOn.String())
		}
		if err := s.checkEnd("to_on", d.FromOn, day); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE designation SET to_on = ?, end_reason = ? WHERE id = ?", day, reason, id); err != nil {
			return err
		}
		return record(ctx, q, "designation.end", "designation", id, map[string]any{"to_on": day, "end_reason": reason})
	})
}

const designationCols = "d.id, d.area_id, d.estate, d.kind, d.title, d.awarded_by, d.from_on, d.to_on, COALESCE(d.end_reason, ''), d.note"

func scanDesignation(row scanner) (Designation, error) {
	var d Designation
	err := row.Scan(&d.ID, &d.AreaID, &d.Estate, &d.Kind, &d.Title, &d.AwardedBy, &d.FromOn, &d.ToOn, &d.EndReason, &d.Note)
	return d, err
}

// loadDesignation reads designation id, refusing one outside the scope.
func (s *Store) loadDesignation(ctx context.Context, q db.Q, field string, id int64) (Designation, error) {
	d, err := scanDesignation(q.QueryRowContext(ctx, "SELECT "+designationCols+" FROM designation d WHERE d.id = ?", id))
	if db.IsNotFound(err) {
		return d, notFound(field, "err.designation_unknown", id)
	}
	if err == nil {
		err = s.visible(ctx, field, d.AreaID)
	}
	return d, err
}

// Designation returns one designation in the scope.
func (s *Store) Designation(ctx context.Context, id int64) (Designation, error) {
	return s.loadDesignation(ctx, s.DB.Reader(), "designation_id", id)
}

// DesignationFilter chooses designations: under an area (the scope when
// 0), of a kind ("" for any), in force on a day (zero for any).
type DesignationFilter struct {
	AreaID int64
	Kind   DesignationKind
	On     date.Date
	After  int64
	Limit  int
}

func (s *Store) designationWhere(ctx context.Context, f DesignationFilter) ([]string, []any, error) {
	root, err := s.subtree(ctx, f.AreaID)
	if err != nil {
		return nil, nil, err
	}
	where, args := []string{"d.id > ?"}, []any{f.After}
	if root != 0 {
		where, args = append(where, within("d.area_id")), append(args, root)
	}
	if f.Kind != "" {
		where, args = append(where, "d.kind = ?"), append(args, f.Kind)
	}
	if !f.On.IsZero() {
		where, args = append(where, "d.from_on <= ? AND (d.to_on IS NULL OR ? < d.to_on)"), append(args, f.On, f.On)
	}
	return where, args, nil
}

// ListDesignations lists designations in the scope by id.
func (s *Store) ListDesignations(ctx context.Context, f DesignationFilter) ([]Designation, error) {
	where, args, err := s.designationWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	return list(ctx, s.DB.Reader(), scanDesignation, "SELECT "+designationCols+" FROM designation d WHERE "+strings.Join(where, " AND ")+" ORDER BY d.id LIMIT "+itoa(int64(page(f.Limit))), args...)
}

// CountDesignations counts the designations the filter chooses by kind.
func (s *Store) CountDesignations(ctx context.Context, f DesignationFilter) ([]KindCount, error) {
	f.After = 0
	where, args, err := s.designationWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	got, err := countBy(ctx, s.DB.Reader(), "SELECT d.kind, COUNT(*) FROM designation d WHERE "+strings.Join(where, " AND ")+" GROUP BY d.kind", args...)
	if err != nil {
		return nil, err
	}
	return kindCounts(got, DesignationKinds), nil
}
