package services

import (
	"context"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// DeedKind is what a good deed was.
type DeedKind string

// DeedKinds: poverty relief (扶贫帮困) and practical things (实事).
var DeedKinds = []DeedKind{"poverty_relief", "practical"}

// DeedInput is a good deed done for residents by an area (a subdistrict
// or community) on DoneOn, with its beneficiaries and the branch or unit
// that did it (DoneBy).
type DeedInput struct {
	AreaID        int64     `json:"area_id"`
	Kind          DeedKind  `json:"kind"`
	Title         string    `json:"title"`
	Beneficiaries int64     `json:"beneficiaries"`
	DoneBy        string    `json:"done_by,omitempty"`
	DoneOn        date.Date `json:"done_on"`
	Note          string    `json:"note,omitempty"`
}

// Deed is a stored good deed.
type Deed struct {
	ID            int64     `json:"id"`
	AreaID        int64     `json:"area_id"`
	Kind          DeedKind  `json:"kind"`
	Title         string    `json:"title"`
	Beneficiaries int64     `json:"beneficiaries"`
	DoneBy        string    `json:"done_by"`
	DoneOn        date.Date `json:"done_on"`
	Note          string    `json:"note"`
}

// deedText checks the kind, text and count of in.
func deedText(in *DeedInput) error {
	var err error
	if !oneOf(in.Kind, DeedKinds) {
		return i18n.Errf("kind", "err.deed_kind_invalid")
	}
	if in.Title, err = text("title", in.Title, 200, true); err != nil {
		return err
	}
	if err := notNegative("beneficiaries", in.Beneficiaries); err != nil {
		return err
	}
	if in.DoneBy, err = text("done_by", in.DoneBy, 100, false); err != nil {
		return err
	}
	in.Note, err = text("note", in.Note, 500, false)
	return err
}

// CreateDeed records a good deed by an area in the scope.
func (s *Store) CreateDeed(ctx context.Context, in DeedInput) (int64, error) {
	if _, err := s.placeOn(ctx, "area_id", in.AreaID, date.Date{}, area.Subdistrict, area.Community); err != nil {
		return 0, err
	}
	if err := deedText(&in); err != nil {
		return 0, err
	}
	if err := s.checkDate("done_on", in.DoneOn); err != nil {
		return 0, err
	}
	if _, err := s.placeOn(ctx, "area_id", in.AreaID, in.DoneOn, area.Subdistrict, area.Community); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		if err := q.QueryRowContext(ctx, "INSERT INTO good_deed (area_id, kind, title, beneficiaries, done_by, done_on, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
			in.AreaID, in.Kind, in.Title, in.Beneficiaries, in.DoneBy, in.DoneOn, in.Note).Scan(&id); err != nil {
			return err
		}
		return record(ctx, q, "good_deed.create", "good_deed", id, in)
	})
	return id, err
}

// DeedChange corrects a good deed (not its area nor its date).
type DeedChange struct {
	Kind          DeedKind `json:"kind"`
	Title         string   `json:"title"`
	Beneficiaries int64    `json:"beneficiaries"`
	DoneBy        string   `json:"done_by,omitempty"`
	Note          string   `json:"note,omitempty"`
}

// UpdateDeed corrects a good deed in the scope.
func (s *Store) UpdateDeed(ctx context.Context, id int64, ch DeedChange) error {
	in := DeedInput{Kind: ch.Kind, Title: ch.Title, Beneficiaries: ch.Beneficiaries, DoneBy: ch.DoneBy, Note: ch.Note}
	if err := deedText(&in); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		if _, err := s.loadDeed(ctx, q, "deed_id", id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE good_deed SET kind = ?, title = ?, beneficiaries = ?, done_by = ?, note = ? WHERE id = ?",
			in.Kind, in.Title, in.Beneficiaries, in.DoneBy, in.Note, id); err != nil {
			return err
		}
		return record(ctx, q, "good_deed.update", "good_deed", id, in)
	})
}

const deedCols = "g.id, g.area_id, g.kind, g.title, g.beneficiaries, g.done_by, g.done_on, g.note"

func scanDeed(row scanner) (Deed, error) {
	var g Deed
	err := row.Scan(&g.ID, &g.AreaID, &g.Kind, &g.Title, &g.Beneficiaries, &g.DoneBy, &g.DoneOn, &g.Note)
	return g, err
}

// loadDeed reads good deed id, refusing one outside the scope.
func (s *Store) loadDeed(ctx context.Context, q db.Q, field string, id int64) (Deed, error) {
	g, err := scanDeed(q.QueryRowContext(ctx, "SELECT "+deedCols+" FROM good_deed g WHERE g.id = ?", id))
	if db.IsNotFound(err) {
		return g, notFound(field, "err.deed_unknown", id)
	}
	if err == nil {
		err = s.visible(ctx, field, g.AreaID)
	}
	return g, err
}

// Deed returns one good deed in the scope.
func (s *Store) Deed(ctx context.Context, id int64) (Deed, error) {
	return s.loadDeed(ctx, s.DB.Reader(), "deed_id", id)
}

// DeedFilter chooses good deeds: by areas under AreaID (the scope when 0),
// of a kind, done from From to To (zero: open).
type DeedFilter struct {
	AreaID   int64
	Kind     DeedKind
	From, To date.Date
	After    int64
	Limit    int
}

func (s *Store) deedWhere(ctx context.Context, f DeedFilter) ([]string, []any, error) {
	root, err := s.subtree(ctx, f.AreaID)
	if err != nil {
		return nil, nil, err
	}
	where, args := []string{"g.id > ?"}, []any{f.After}
	if root != 0 {
		where, args = append(where, within("g.area_id")), append(args, root)
	}
	if f.Kind != "" {
		where, args = append(where, "g.kind = ?"), append(args, f.Kind)
	}
	if !f.From.IsZero() {
		where, args = append(where, "g.done_on >= ?"), append(args, f.From)
	}
	if !f.To.IsZero() {
		where, args = append(where, "g.done_on <= ?"), append(args, f.To)
	}
	return where, args, nil
}

// ListDeeds lists good deeds in the scope by id.
func (s *Store) ListDeeds(ctx context.Context, f DeedFilter) ([]Deed, error) {
	where, args, err := s.deedWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	return list(ctx, s.DB.Reader(), scanDeed, "SELECT "+deedCols+" FROM good_deed g WHERE "+strings.Join(where, " AND ")+" ORDER BY g.id LIMIT "+itoa(int64(page(f.Limit))), args...)
}

// CountDeeds counts the good deeds the filter chooses by kind.
func (s *Store) CountDeeds(ctx context.Context, f DeedFilter) ([]KindCount, error) {
	f.After = 0
	where, args, err := s.deedWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	got, err := countBy(ctx, s.DB.Reader(), "SELECT g.kind, COUNT(*) FROM good_deed g WHERE "+strings.Join(where, " AND ")+" GROUP BY g.kind", args...)
	if err != nil {
		return nil, err
	}
	return kindCounts(got, DeedKinds), nil
}
