// Package area keeps the administrative tree (district → subdistrict →
// community) with its dated history, and the party organisations attached to
// its areas. Every change is a dated event; nothing is deleted.
package area

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Level is an area's place in the tree.
type Level string

// Levels from top to bottom. The speech's tree is district → subdistrict →
// community; province and city roots exist for the larger synthetic tiers.
const (
	Province    Level = "province"
	City        Level = "city"
	District    Level = "district"
	Subdistrict Level = "subdistrict"
	Community   Level = "community"
)

// Levels lists every level top-down.
var Levels = []Level{Province, City, District, Subdistrict, Community}

// ChildLevel is the level directly below l, or "" for a community.
func (l Level) ChildLevel() Level {
	for i, x := range Levels {
		if x == l && i+1 < len(Levels) {
			return Levels[i+1]
		}
	}
	return ""
}

// Valid reports whether l is a known level.
func (l Level) Valid() bool { return l.ChildLevel() != "" || l == Community }

// Area is one node of the tree, with its current name and parent.
type Area struct {
	ID            int64     `json:"id"`
	Level         Level     `json:"level"`
	Name          string    `json:"name"`
	ParentID      int64     `json:"parent_id,omitempty"`
	Code          string    `json:"code,omitempty"`
	EstablishedOn date.Date `json:"established_on"`
	EndedOn       date.Date `json:"ended_on,omitzero"`
	SuccessorID   int64     `json:"successor_id,omitempty"`
}

// ActiveOn reports whether a is active on d: established on or before d and
// not yet ended.
func (a Area) ActiveOn(d date.Date) bool {
	return date.InSpan(a.EstablishedOn, a.EndedOn, d)
}

// Store reads and changes the tree and its party organisations.
type Store struct {
	DB *db.DB
	// Today is the clock used to refuse dates in the future.
	Today func() date.Date
	// Scope, when not 0, restricts every read and write to that area's
	// subtree; see In.
	Scope int64
	// lists caches ListActive; nil disables the cache.
	lists *listCache
	// attachments are the other domains' records that hang on an area.
	attachments []Attachment
}

// NewStore returns a Store on d with the real clock.
func NewStore(d *db.DB) *Store { return &Store{DB: d, Today: date.Today, lists: &listCache{}} }

// ErrNotFound is returned when an area or organisation does not exist.
var ErrNotFound = db.ErrNotFound

const areaCols = "id, level, name, COALESCE(parent_id, 0), COALESCE(code, ''), established_on, ended_on, COALESCE(successor_id, 0)"

func scanArea(row interface{ Scan(...any) error }) (Area, error) {
	var a Area
	err := row.Scan(&a.ID, &a.Level, &a.Name, &a.ParentID, &a.Code, &a.EstablishedOn, &a.EndedOn, &a.SuccessorID)
	return a, err
}

// Get returns the area with id, as it is now.
func (s *Store) Get(ctx context.Context, id int64) (Area, error) {
	if err := s.allow(ctx, s.DB.Reader(), "area_id", id); err != nil {
		return Area{}, err
	}
	return getArea(ctx, s.DB.Reader(), id)
}

func getArea(ctx context.Context, q db.Q, id int64) (Area, error) {
	a, err := scanArea(q.QueryRowContext(ctx, "SELECT "+areaCols+" FROM area WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, &i18n.Error{Field: "area_id", Key: "err.area_not_found", Args: []any{id}, Err: ErrNotFound}
	}
	if err != nil {
		return a, fmt.Errorf("area: get %d: %w", id, err)
	}
	return a, nil
}

// Root returns the top area (the one without a parent established first).
func (s *Store) Root(ctx context.Context) (Area, error) {
	if sc := s.scope(ctx); sc != 0 {
		return s.Get(ctx, sc)
	}
	a, err := scanArea(s.DB.Reader().QueryRowContext(ctx,
		"SELECT "+areaCols+" FROM area WHERE parent_id IS NULL ORDER BY established_on, id LIMIT 1"))
	if errors.Is(err, sql.ErrNoRows) {
		return a, &i18n.Error{Key: "err.no_root", Err: ErrNotFound}
	}
	return a, err
}

// Find resolves a CLI or URL argument: a numeric id, or a name (current name,
// then any former name). An ambiguous name is refused.
func (s *Store) Find(ctx context.Context, nameOrID string) (Area, error) {
	if id, err := strconv.ParseInt(nameOrID, 10, 64); err == nil {
		return s.Get(ctx, id)
	}
	rows, err := s.DB.Reader().QueryContext(ctx,
		"SELECT DISTINCT area_id FROM area_name WHERE name = ? ORDER BY area_id", nameOrID)
	if err != nil {
		return Area{}, err
	}
	var all []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return Area{}, err
		}
		all = append(all, id)
	}
	rows.Close() // before the scope checks below take a connection of their own
	if err := rows.Err(); err != nil {
		return Area{}, err
	}
	var ids []int64
	for _, id := range all {
		if sc := s.scope(ctx); sc != 0 {
			if ok, err := s.Within(ctx, sc, id); err != nil {
				return Area{}, err
			} else if !ok {
				continue // names outside the scope are not offered
			}
		}
		ids = append(ids, id)
	}
	switch len(ids) {
	case 0:
		return Area{}, &i18n.Error{Field: "area", Key: "err.area_name_unknown", Args: []any{nameOrID}, Err: ErrNotFound}
	case 1:
		return s.Get(ctx, ids[0])
	}
	// Prefer the one area whose current name matches.
	var current []Area
	for _, id := range ids {
		a, err := s.Get(ctx, id)
		if err != nil {
			return Area{}, err
		}
		if a.Name == nameOrID {
			current = append(current, a)
		}
	}
	if len(current) == 1 {
		return current[0], nil
	}
	return Area{}, i18n.Errf("area", "err.area_name_ambiguous", nameOrID, len(ids))
}

// Count returns how many areas exist (0 for an empty database).
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.DB.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM area").Scan(&n)
	return n, err
}
