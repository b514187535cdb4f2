package area

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/input"
)

// EventKind names a change to the tree.
type EventKind string

// The kinds of area event (glossary: 撤并/合并/调整/增设/更名/撤销).
const (
	Create   EventKind = "create"
	Merge    EventKind = "merge"
	Split    EventKind = "split"
	Adjust   EventKind = "adjust"
	Rename   EventKind = "rename"
	Dissolve EventKind = "dissolve"
)

// EventKinds lists every kind.
var EventKinds = []EventKind{Create, Merge, Split, Adjust, Rename, Dissolve}

// Ref names another area in an event.
type Ref struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Event is one dated change in an area's history.
type Event struct {
	ID         int64     `json:"id"`
	Kind       EventKind `json:"kind"`
	On         date.Date `json:"on"`
	Area       Ref       `json:"area"`
	Target     *Ref      `json:"target,omitempty"`
	FromParent *Ref      `json:"from_parent,omitempty"`
	ToParent   *Ref      `json:"to_parent,omitempty"`
	OldName    string    `json:"old_name,omitempty"`
	NewName    string    `json:"new_name,omitempty"`
	Note       string    `json:"note,omitempty"`
	Results    []Ref     `json:"results,omitempty"`
	// Outside names the roles ("area", "target", "from_parent", "to_parent",
	// "results") whose areas lie outside the reader's scope; those refs are
	// left out, so a reader learns nothing of areas they may not see.
	Outside []string `json:"outside,omitempty"`
}

// IsOutside reports whether the area in role lies outside the reader's scope.
func (e Event) IsOutside(role string) bool {
	for _, r := range e.Outside {
		if r == role {
			return true
		}
	}
	return false
}

// CreateInput establishes a new area under ParentID (0 only for the first root).
type CreateInput struct {
	ParentID int64     `json:"parent_id"`
	Level    Level     `json:"level"`
	Name     string    `json:"name"`
	Code     string    `json:"code"`
	On       date.Date `json:"on"`
	Note     string    `json:"note"`
}

// MergeInput merges AreaID into TargetID, which lives on.
type MergeInput struct {
	AreaID   int64     `json:"area_id"`
	TargetID int64     `json:"target_id"`
	On       date.Date `json:"on"`
	Note     string    `json:"note"`
	// Confirmed says the user saw what is attached to the area (members,
	// units, …) and that it moves along; without it a merge of an area
	// with attached records is refused.
	Confirmed bool `json:"confirmed,omitempty"`
}

// SplitInput ends AreaID and establishes one new area per name, under the same parent.
type SplitInput struct {
	AreaID int64     `json:"area_id"`
	Names  []string  `json:"names"`
	On     date.Date `json:"on"`
	Note   string    `json:"note"`
	// TargetID is the area of the same level that takes the records still
	// attached; without it a split is refused while any are.
	TargetID int64 `json:"target_id,omitempty"`
	// Confirmed: as for MergeInput.
	Confirmed bool `json:"confirmed,omitempty"`
}

// AdjustInput records a boundary change, and moves AreaID under NewParentID when that is set.
type AdjustInput struct {
	AreaID      int64     `json:"area_id"`
	NewParentID int64     `json:"new_parent_id"`
	On          date.Date `json:"on"`
	Note        string    `json:"note"`
}

// RenameInput gives AreaID a new name from On.
type RenameInput struct {
	AreaID int64     `json:"area_id"`
	Name   string    `json:"name"`
	On     date.Date `json:"on"`
	Note   string    `json:"note"`
}

// DissolveInput ends AreaID without a successor.
type DissolveInput struct {
	AreaID int64     `json:"area_id"`
	On     date.Date `json:"on"`
	Note   string    `json:"note"`
	// TargetID is the area of the same level that takes the records still
	// attached (members, units, registrations); without it a dissolve is
	// refused while any are.
	TargetID int64 `json:"target_id,omitempty"`
	// Confirmed: as for MergeInput.
	Confirmed bool `json:"confirmed,omitempty"`
}

var codePattern = regexp.MustCompile(`^[0-9]{12}$`)

const maxNameLen = 60

func cleanName(field, name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", i18n.Errf(field, "err.name_required")
	case len([]rune(name)) > maxNameLen:
		return "", i18n.Errf(field, "err.name_too_long", maxNameLen)
	}
	return name, nil
}

func (s *Store) checkDate(on date.Date) error { return input.Date("on", on, s.Today()) }

// role is what an event does to an area it names, which decides how far
// back in the area's history the event may be dated.
type role int

const (
	// receiver: a parent or merge target that gains areas; it must exist,
	// be established by the date and not have ended.
	receiver role = iota
	// changed: the subject of a rename or adjust; also not before its own
	// latest change.
	changed
	// ending: the subject of a merge, split or dissolve; also not before any
	// event that names it, as parent gaining or losing areas included, so no
	// area ends before something recorded later happened to it.
	ending
)

// checkArea loads an area an event names and checks the event's date against
// its history for the role it plays.
//
// The scope is checked first, so a user never learns anything (not even
// whether it exists) about an area outside their subtree.
func (s *Store) checkArea(ctx context.Context, q db.Q, field string, id int64, on date.Date, r role) (Area, error) {
	if err := s.allow(ctx, q, field, id); err != nil {
		return Area{}, err
	}
	// The area a user is scoped to is theirs to work in, not to end, rename
	// or move: that changes their parent's tree and is the parent's to do.
	if r != receiver && id == s.scope(ctx) {
		return Area{}, &i18n.Error{Field: field, Key: "err.own_area_change", Err: ErrOutOfScope}
	}
	a, err := getArea(ctx, q, id)
	if err != nil {
		return a, refersTo(err, field)
	}
	if on.Before(a.EstablishedOn) {
		return a, i18n.Errf("on", "err.date_before_established", a.Name, a.EstablishedOn.String())
	}
	if !a.EndedOn.IsZero() {
		return a, i18n.Errf(field, "err.area_ended", a.Name, a.EndedOn.String())
	}
	if r == receiver {
		return a, nil
	}
	query := "SELECT MAX(on_date) FROM area_event WHERE area_id = ? OR target_id = ?"
	args := []any{id, id}
	if r == ending {
		query += " OR from_parent_id = ? OR to_parent_id = ?"
		args = append(args, id, id)
	}
	var last date.Date
	if err := q.QueryRowContext(ctx, query, args...).Scan(&last); err != nil {
		return a, err
	}
	if !last.IsZero() && on.Before(last) {
		return a, i18n.Errf("on", "err.date_before_last_event", a.Name, last.String())
	}
	return a, nil
}

// checkSiblingName refuses a name already used by another active child of
// parent on date on.
func checkSiblingName(ctx context.Context, q db.Q, field string, parent, self int64, name string, on date.Date) error {
	var n int
	var err error
	if parent == 0 {
		err = q.QueryRowContext(ctx, `SELECT COUNT(*) FROM area a JOIN area_name n ON n.area_id = a.id AND `+validAt("n")+`
WHERE a.parent_id IS NULL AND a.id <> ? AND n.name = ? AND `+activeAt("a", "established_on"), on, on, self, name, on, on).Scan(&n)
	} else {
		err = q.QueryRowContext(ctx, `SELECT COUNT(*) FROM area_closure c
JOIN area a ON a.id = c.descendant_id
JOIN area_name n ON n.area_id = a.id AND `+validAt("n")+`
WHERE c.ancestor_id = ? AND c.depth = 1 AND `+validAt("c")+` AND a.id <> ? AND n.name = ? AND `+activeAt("a", "established_on"),
			on, on, parent, on, on, self, name, on, on).Scan(&n)
	}
	if err != nil {
		return err
	}
	if n > 0 {
		return i18n.Errf(field, "err.name_taken", name, on.String())
	}
	return nil
}

// insertArea adds an area, its first name and its closure rows under parent.
func insertArea(ctx context.Context, q db.Q, parent int64, level Level, name, code string, on date.Date) (int64, error) {
	var id int64
	var parentArg, codeArg any
	if parent != 0 {
		parentArg = parent
	}
	if code != "" {
		codeArg = code
	}
	if err := q.QueryRowContext(ctx, "INSERT INTO area (level, name, parent_id, code, established_on) VALUES (?, ?, ?, ?, ?) RETURNING id",
		level, name, parentArg, codeArg, on).Scan(&id); err != nil {
		return 0, fmt.Errorf("area: insert: %w", err)
	}
	if _, err := q.ExecContext(ctx, "INSERT INTO area_name (area_id, name, from_on) VALUES (?, ?, ?)", id, name, on); err != nil {
		return 0, err
	}
	if _, err := q.ExecContext(ctx, "INSERT INTO area_closure (ancestor_id, descendant_id, depth, from_on) VALUES (?, ?, 0, ?)", id, id, on); err != nil {
		return 0, err
	}
	if parent != 0 {
		if _, err := q.ExecContext(ctx, `INSERT INTO area_closure (ancestor_id, descendant_id, depth, from_on)
SELECT p.ancestor_id, ?, p.depth + 1, ? FROM area_closure p WHERE p.descendant_id = ? AND `+validAt("p"),
			id, on, parent, on, on); err != nil {
			return 0, err
		}
	}
	return id, nil
}

type eventRow struct {
	kind                   EventKind
	on                     date.Date
	area, target, from, to int64
	oldName, newName, note string
}

func insertEvent(ctx context.Context, q db.Q, e eventRow) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `INSERT INTO area_event (kind, on_date, area_id, target_id, from_parent_id, to_parent_id, old_name, new_name, note)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		e.kind, e.on, e.area, db.Null(e.target), db.Null(e.from), db.Null(e.to), db.Null(e.oldName), db.Null(e.newName), strings.TrimSpace(e.note)).Scan(&id)
	return id, err
}

// Create establishes an area. A root may be created only in an empty tree.
func (s *Store) Create(ctx context.Context, in CreateInput) (int64, error) {
	name, err := cleanName("name", in.Name)
	if err != nil {
		return 0, err
	}
	if in.Code != "" && !codePattern.MatchString(in.Code) {
		return 0, i18n.Errf("code", "err.code_format")
	}
	if err := s.checkDate(in.On); err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		level := in.Level
		if in.ParentID == 0 {
			if s.scope(ctx) != 0 {
				return &i18n.Error{Field: "parent_id", Key: "err.out_of_scope", Err: ErrOutOfScope}
			}
			var n int
			if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM area").Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return i18n.Errf("parent_id", "err.parent_required")
			}
			if !level.Valid() || level == Community {
				return i18n.Errf("level", "err.level_invalid")
			}
		} else {
			p, err := s.checkArea(ctx, q, "parent_id", in.ParentID, in.On, receiver)
			if err != nil {
				return err
			}
			child := p.Level.ChildLevel()
			if child == "" {
				return i18n.Errf("parent_id", "err.parent_is_community", p.Name)
			}
			if level == "" {
				level = child
			} else if level != child {
				return i18n.Errf("level", "err.level_mismatch", p.Name)
			}
		}
		if err := checkSiblingName(ctx, q, "name", in.ParentID, 0, name, in.On); err != nil {
			return err
		}
		var err error
		if id, err = insertArea(ctx, q, in.ParentID, level, name, in.Code, in.On); err != nil {
			return err
		}
		if _, err = insertEvent(ctx, q, eventRow{kind: Create, on: in.On, area: id, to: in.ParentID, newName: name, note: in.Note}); err != nil {
			return err
		}
		return record(ctx, q, "area.create", "area", id, nil, in)
	})
	return id, err
}

// Merge ends AreaID on the date and records TargetID as its successor. The
// target lives on; children of the merged area move under it, and party
// organisations attached to the merged area end the same day.
func (s *Store) Merge(ctx context.Context, in MergeInput) error {
	if err := s.checkDate(in.On); err != nil {
		return err
	}
	if in.TargetID == 0 {
		return i18n.Errf("target_id", "err.target_required")
	}
	if in.TargetID == in.AreaID {
		return i18n.Errf("target_id", "err.merge_self")
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		a, err := s.checkArea(ctx, q, "area_id", in.AreaID, in.On, ending)
		if err != nil {
			return err
		}
		if err := s.allow(ctx, q, "target_id", in.TargetID); err != nil {
			return err
		}
		t, err := getArea(ctx, q, in.TargetID)
		if err != nil {
			return refersTo(err, "target_id")
		}
		if !t.EndedOn.IsZero() && !in.On.Before(t.EndedOn) {
			return i18n.Errf("target_id", "err.merge_target_ended", t.Name, t.EndedOn.String())
		}
		if in.On.Before(t.EstablishedOn) {
			return i18n.Errf("target_id", "err.merge_target_not_yet", t.Name, t.EstablishedOn.String())
		}
		if t.Level != a.Level {
			return i18n.Errf("target_id", "err.merge_level", a.Name, t.Name)
		}
		from, err := parentOn(ctx, q, a.ID, in.On)
		if err != nil {
			return err
		}
		if err := moveChildren(ctx, q, a.ID, t.ID, in.On); err != nil {
			return err
		}
		if err := s.moveAttached(ctx, q, a, t.ID, in.On, "target_id", in.Confirmed); err != nil {
			return err
		}
		if err := endArea(ctx, q, a.ID, t.ID, in.On); err != nil {
			return err
		}
		if _, err = insertEvent(ctx, q, eventRow{kind: Merge, on: in.On, area: a.ID, target: t.ID, from: from, note: in.Note}); err != nil {
			return err
		}
		return record(ctx, q, "area.merge", "area", a.ID, a, in)
	})
}

// Split ends AreaID and establishes a new area per name under the same
// parent. An area that still has active children cannot be split: move them
// first, so that no child is left without a place.
func (s *Store) Split(ctx context.Context, in SplitInput) ([]int64, error) {
	if err := s.checkDate(in.On); err != nil {
		return nil, err
	}
	var names []string
	seen := map[string]bool{}
	for _, n := range in.Names {
		if strings.TrimSpace(n) == "" {
			continue
		}
		c, err := cleanName("names", n)
		if err != nil {
			return nil, err
		}
		if seen[c] {
			return nil, i18n.Errf("names", "err.split_duplicate", c)
		}
		seen[c] = true
		names = append(names, c)
	}
	if len(names) < 2 {
		return nil, i18n.Errf("names", "err.split_two_names")
	}
	var ids []int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		a, err := s.checkArea(ctx, q, "area_id", in.AreaID, in.On, ending)
		if err != nil {
			return err
		}
		if n, err := activeChildren(ctx, q, a.ID, in.On); err != nil {
			return err
		} else if n > 0 {
			return i18n.Errf("area_id", "err.has_children", a.Name, n)
		}
		parent, err := parentOn(ctx, q, a.ID, in.On)
		if err != nil {
			return err
		}
		if in.TargetID != 0 {
			if err := s.checkMoveTarget(ctx, q, a, in.TargetID, in.On); err != nil {
				return err
			}
		}
		if err := s.moveAttached(ctx, q, a, in.TargetID, in.On, "target_id", in.Confirmed); err != nil {
			return err
		}
		if err := endArea(ctx, q, a.ID, 0, in.On); err != nil {
			return err
		}
		for _, n := range names {
			if err := checkSiblingName(ctx, q, "names", parent, 0, n, in.On); err != nil {
				return err
			}
		}
		evID, err := insertEvent(ctx, q, eventRow{kind: Split, on: in.On, area: a.ID, from: parent, note: in.Note})
		if err != nil {
			return err
		}
		for _, n := range names {
			id, err := insertArea(ctx, q, parent, a.Level, n, "", in.On)
			if err != nil {
				return err
			}
			if _, err := q.ExecContext(ctx, "INSERT INTO area_event_result (event_id, area_id) VALUES (?, ?)", evID, id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return record(ctx, q, "area.split", "area", a.ID, a, map[string]any{"input": in, "new_ids": ids})
	})
	return ids, err
}

// Adjust records a boundary change; with NewParentID it also moves the area
// (and everything under it) to that parent from the date on.
func (s *Store) Adjust(ctx context.Context, in AdjustInput) error {
	if err := s.checkDate(in.On); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		a, err := s.checkArea(ctx, q, "area_id", in.AreaID, in.On, changed)
		if err != nil {
			return err
		}
		from, err := parentOn(ctx, q, a.ID, in.On)
		if err != nil {
			return err
		}
		to := from
		if in.NewParentID != 0 && in.NewParentID != from {
			p, err := s.checkArea(ctx, q, "new_parent_id", in.NewParentID, in.On, receiver)
			if err != nil {
				return err
			}
			if p.Level.ChildLevel() != a.Level {
				return i18n.Errf("new_parent_id", "err.level_mismatch", p.Name)
			}
			name, err := nameOn(ctx, q, a.ID, in.On)
			if err != nil {
				return err
			}
			if err := checkSiblingName(ctx, q, "new_parent_id", p.ID, a.ID, name, in.On); err != nil {
				return err
			}
			if err := move(ctx, q, a.ID, p.ID, in.On); err != nil {
				return err
			}
			to = p.ID
		} else if strings.TrimSpace(in.Note) == "" {
			return i18n.Errf("note", "err.adjust_note_required")
		}
		if _, err = insertEvent(ctx, q, eventRow{kind: Adjust, on: in.On, area: a.ID, from: from, to: to, note: in.Note}); err != nil {
			return err
		}
		return record(ctx, q, "area.adjust", "area", a.ID, a, in)
	})
}

// Rename gives an area a new name from the date on; the old name stays in its history.
func (s *Store) Rename(ctx context.Context, in RenameInput) error {
	name, err := cleanName("name", in.Name)
	if err != nil {
		return err
	}
	if err := s.checkDate(in.On); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		a, err := s.checkArea(ctx, q, "area_id", in.AreaID, in.On, changed)
		if err != nil {
			return err
		}
		old, err := nameOn(ctx, q, a.ID, in.On)
		if err != nil {
			return err
		}
		if old == name {
			return i18n.Errf("name", "err.rename_same", name)
		}
		parent, err := parentOn(ctx, q, a.ID, in.On)
		if err != nil {
			return err
		}
		if err := checkSiblingName(ctx, q, "name", parent, a.ID, name, in.On); err != nil {
			return err
		}
		// A second rename on the same day replaces that day's name.
		res, err := q.ExecContext(ctx, "UPDATE area_name SET name = ? WHERE area_id = ? AND from_on = ?", name, a.ID, in.On)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := q.ExecContext(ctx, "UPDATE area_name SET to_on = ? WHERE area_id = ? AND to_on IS NULL", in.On, a.ID); err != nil {
				return err
			}
			if _, err := q.ExecContext(ctx, "INSERT INTO area_name (area_id, name, from_on) VALUES (?, ?, ?)", a.ID, name, in.On); err != nil {
				return err
			}
		}
		if _, err := q.ExecContext(ctx, "UPDATE area SET name = ? WHERE id = ?", name, a.ID); err != nil {
			return err
		}
		if _, err = insertEvent(ctx, q, eventRow{kind: Rename, on: in.On, area: a.ID, oldName: old, newName: name, note: in.Note}); err != nil {
			return err
		}
		return record(ctx, q, "area.rename", "area", a.ID, a, in)
	})
}

// Dissolve ends an area without successor. One with active children is refused.
func (s *Store) Dissolve(ctx context.Context, in DissolveInput) error {
	if err := s.checkDate(in.On); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		a, err := s.checkArea(ctx, q, "area_id", in.AreaID, in.On, ending)
		if err != nil {
			return err
		}
		if n, err := activeChildren(ctx, q, a.ID, in.On); err != nil {
			return err
		} else if n > 0 {
			return i18n.Errf("area_id", "err.has_children", a.Name, n)
		}
		from, err := parentOn(ctx, q, a.ID, in.On)
		if err != nil {
			return err
		}
		if in.TargetID != 0 {
			if err := s.checkMoveTarget(ctx, q, a, in.TargetID, in.On); err != nil {
				return err
			}
		}
		if err := s.moveAttached(ctx, q, a, in.TargetID, in.On, "target_id", in.Confirmed); err != nil {
			return err
		}
		if err := endArea(ctx, q, a.ID, 0, in.On); err != nil {
			return err
		}
		if _, err = insertEvent(ctx, q, eventRow{kind: Dissolve, on: in.On, area: a.ID, from: from, note: in.Note}); err != nil {
			return err
		}
		return record(ctx, q, "area.dissolve", "area", a.ID, a, in)
	})
}

// checkMoveTarget checks the area chosen to take what hangs on a: another
// area of its level, in the caller's scope, active on day.
func (s *Store) checkMoveTarget(ctx context.Context, q db.Q, a Area, targetID int64, on date.Date) error {
	if targetID == a.ID {
		return i18n.Errf("target_id", "err.merge_self")
	}
	if err := s.allow(ctx, q, "target_id", targetID); err != nil {
		return err
	}
	t, err := getArea(ctx, q, targetID)
	if err != nil {
		return refersTo(err, "target_id")
	}
	if !t.EndedOn.IsZero() && !on.Before(t.EndedOn) {
		return i18n.Errf("target_id", "err.merge_target_ended", t.Name, t.EndedOn.String())
	}
	if on.Before(t.EstablishedOn) {
		return i18n.Errf("target_id", "err.merge_target_not_yet", t.Name, t.EstablishedOn.String())
	}
	if t.Level != a.Level {
		return i18n.Errf("target_id", "err.merge_level", a.Name, t.Name)
	}
	return nil
}

func activeChildren(ctx context.Context, q db.Q, id int64, on date.Date) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM area_closure c JOIN area a ON a.id = c.descendant_id
WHERE c.ancestor_id = ? AND c.depth = 1 AND `+validAt("c")+` AND `+activeAt("a", "established_on"), id, on, on, on, on).Scan(&n)
	return n, err
}

// endArea sets the end date (and successor), and ends the party
// organisations still active on the area that day.
func endArea(ctx context.Context, q db.Q, id, successor int64, on date.Date) error {
	var succ any
	if successor != 0 {
		succ = successor
	}
	if _, err := q.ExecContext(ctx, "UPDATE area SET ended_on = ?, successor_id = ? WHERE id = ?", on, succ, id); err != nil {
		return err
	}
	return endOrgsOfArea(ctx, q, id, on)
}

// moveChildren moves every active child of from under to, on date on.
func moveChildren(ctx context.Context, q db.Q, from, to int64, on date.Date) error {
	rows, err := q.QueryContext(ctx, `SELECT c.descendant_id FROM area_closure c JOIN area a ON a.id = c.descendant_id
WHERE c.ancestor_id = ? AND c.depth = 1 AND `+validAt("c")+` AND `+activeAt("a", "established_on")+` ORDER BY c.descendant_id`, from, on, on, on, on)
	if err != nil {
		return err
	}
	var kids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		kids = append(kids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, k := range kids {
		name, err := nameOn(ctx, q, k, on)
		if err != nil {
			return err
		}
		if err := checkSiblingName(ctx, q, "target_id", to, k, name, on); err != nil {
			return err
		}
		if err := move(ctx, q, k, to, on); err != nil {
			return err
		}
		if _, err := insertEvent(ctx, q, eventRow{kind: Adjust, on: on, area: k, from: from, to: to, note: "merge"}); err != nil {
			return err
		}
	}
	return nil
}

// move re-hangs the subtree of id under newParent from date on: closure rows
// linking the subtree to its old ancestors end that day, rows to the new
// ancestors start that day.
func move(ctx context.Context, q db.Q, id, newParent int64, on date.Date) error {
	if _, err := q.ExecContext(ctx, `UPDATE area_closure SET to_on = ?
WHERE descendant_id IN (SELECT s.descendant_id FROM area_closure s WHERE s.ancestor_id = ? AND `+validAt("s")+`)
  AND ancestor_id IN (SELECT u.ancestor_id FROM area_closure u WHERE u.descendant_id = ? AND u.depth > 0 AND `+validAt("u")+`)
  AND from_on <= ? AND (to_on IS NULL OR ? < to_on)`,
		on, id, on, on, id, on, on, on, on); err != nil {
		return fmt.Errorf("area: move: %w", err)
	}
	if _, err := q.ExecContext(ctx, `INSERT INTO area_closure (ancestor_id, descendant_id, depth, from_on)
SELECT p.ancestor_id, s.descendant_id, p.depth + s.depth + 1, ?
FROM area_closure p, area_closure s
WHERE p.descendant_id = ? AND `+validAt("p")+` AND s.ancestor_id = ? AND `+validAt("s"),
		on, newParent, on, on, id, on, on); err != nil {
		return fmt.Errorf("area: move: %w", err)
	}
	_, err := q.ExecContext(ctx, "UPDATE area SET parent_id = ? WHERE id = ?", newParent, id)
	return err
}

// History returns every event in which the area is the subject, the merge
// target, the parent gained or lost, or a split's result, oldest first.
func (s *Store) History(ctx context.Context, id int64) ([]Event, error) {
	if err := s.allow(ctx, s.DB.Reader(), "area_id", id); err != nil {
		return nil, err
	}
	rows, err := s.DB.Reader().QueryContext(ctx, `
SELECT e.id, e.kind, e.on_date, e.area_id, COALESCE(e.target_id, 0), COALESCE(e.from_parent_id, 0), COALESCE(e.to_parent_id, 0),
       COALESCE(e.old_name, ''), COALESCE(e.new_name, ''), e.note
FROM area_event e
WHERE e.area_id = ? OR e.target_id = ? OR e.from_parent_id = ? OR e.to_parent_id = ?
   OR e.id IN (SELECT event_id FROM area_event_result WHERE area_id = ?)
ORDER BY e.on_date, e.id`, id, id, id, id, id)
	if err != nil {
		return nil, err
	}
	type raw struct {
		e                      Event
		area, target, from, to int64
	}
	var rs []raw
	for rows.Next() {
		var r raw
		if err := rows.Scan(&r.e.ID, &r.e.Kind, &r.e.On, &r.area, &r.target, &r.from, &r.to, &r.e.OldName, &r.e.NewName, &r.e.Note); err != nil {
			rows.Close()
			return nil, err
		}
		rs = append(rs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	q := s.DB.Reader()
	ref := func(id int64, on date.Date) (*Ref, error) {
		if id == 0 {
			return nil, nil
		}
		// The name the other area had the day before the event, so a
		// rename on that day does not rewrite the story.
		n, err := nameOn(ctx, q, id, on.AddDays(-1))
		if err != nil {
			if err == sql.ErrNoRows {
				n, err = nameOn(ctx, q, id, on)
			}
			if err != nil {
				return nil, err
			}
		}
		return &Ref{ID: id, Name: n}, nil
	}
	out := make([]Event, 0, len(rs))
	for _, r := range rs {
		e := r.e
		a, err := ref(r.area, e.On)
		if err != nil {
			return nil, err
		}
		if e.Kind == Create || e.Kind == Rename {
			a.Name = firstNonEmpty(e.NewName, a.Name)
			if e.Kind == Rename {
				a.Name = e.OldName
			}
		}
		e.Area = *a
		if e.Target, err = ref(r.target, e.On); err != nil {
			return nil, err
		}
		if e.FromParent, err = ref(r.from, e.On); err != nil {
			return nil, err
		}
		if e.ToParent, err = ref(r.to, e.On); err != nil {
			return nil, err
		}
		if e.Kind == Split {
			res, err := q.QueryContext(ctx, "SELECT r.area_id, a.name FROM area_event_result r JOIN area_name a ON a.area_id = r.area_id AND a.from_on = ? WHERE r.event_id = ? ORDER BY r.area_id", e.On, e.ID)
			if err != nil {
				return nil, err
			}
			for res.Next() {
				var rf Ref
				if err := res.Scan(&rf.ID, &rf.Name); err != nil {
					res.Close()
					return nil, err
				}
				e.Results = append(e.Results, rf)
			}
			res.Close()
		}
		if err := s.hideOutside(ctx, &e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// hideOutside drops from e every area outside the reader's scope and names
// its role in e.Outside.
func (s *Store) hideOutside(ctx context.Context, e *Event) error {
	sc := s.scope(ctx)
	if sc == 0 {
		return nil
	}
	visible := func(id int64) (bool, error) { return s.Within(ctx, sc, id) }
	for _, x := range []struct {
		role string
		ref  **Ref
	}{{"target", &e.Target}, {"from_parent", &e.FromParent}, {"to_parent", &e.ToParent}} {
		if *x.ref == nil {
			continue
		}
		ok, err := visible((*x.ref).ID)
		if err != nil {
			return err
		}
		if !ok {
			*x.ref = nil
			e.Outside = append(e.Outside, x.role)
		}
	}
	ok, err := visible(e.Area.ID)
	if err != nil {
		return err
	}
	if !ok {
		e.Area = Ref{}
		e.OldName, e.NewName = "", ""
		e.Outside = append(e.Outside, "area")
	}
	kept := e.Results[:0]
	for _, r := range e.Results {
		ok, err := visible(r.ID)
		if err != nil {
			return err
		}
		if ok {
			kept = append(kept, r)
		} else if !e.IsOutside("results") {
			e.Outside = append(e.Outside, "results")
		}
	}
	e.Results = kept
	return nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// refersTo names field as the input a lookup's refusal is about. When that
// field is not the area the request is about (area_id) but a reference to
// another one (a parent, a merge target), a record that does not exist is a
// bad reference: the request is refused, no resource is missing.
func refersTo(err error, field string) error {
	var e *i18n.Error
	if errors.As(err, &e) {
		e.Field = field
		if field != "area_id" && errors.Is(e.Err, fault.NotFound) {
			e.Err = fault.BadReference
		}
	}
	return err
}
