package people

import (
	"context"
	"fmt"

	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// orgPlaceNow is the SQL expression of where party organisation alias o
// stands now: its area, or for a unit's own organisation the community its
// unit is located in (its last location if the unit ended).
func orgPlaceNow(o string) string {
	return "COALESCE(" + o + ".area_id, (SELECT ul.area_id FROM unit_location ul WHERE ul.unit_id = " + o + ".unit_id AND ul.to_on IS NULL))"
}

// withinNow is "area expression a lies under the scope bound to ?" as the
// tree stands now (the access rule of area.Store).
func withinNow(a string) string {
	return "EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = " + a + " AND c.to_on IS NULL)"
}

// subtree is the area a list or an export covers: areaID, which must lie
// in the scope, or the caller's scope itself when areaID is 0 (0 again for
// an unscoped caller: everything).
func (s *Store) subtree(ctx context.Context, q db.Q, areaID int64) (int64, error) {
	if areaID == 0 {
		return s.scope(ctx), nil
	}
	return areaID, s.allowArea(ctx, q, "area_id", areaID)
}

// allowArea refuses an area outside the scope; it runs on q so that inside a
// write transaction the check and the write agree.
func (s *Store) allowArea(ctx context.Context, q db.Q, field string, areaID int64) error {
	sc := s.scope(ctx)
	if sc == 0 {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM area_closure WHERE ancestor_id = ? AND descendant_id = ? AND to_on IS NULL", sc, areaID).Scan(&n); err != nil {
		return fmt.Errorf("people: scope: %w", err)
	}
	if n == 0 {
		return outOfScope(field)
	}
	return nil
}

// personVisible reports whether person id lies in the scope: some
// membership, registration or post of theirs is in the subtree. With
// current, only those open now count (the rule for writes).
func personVisible(ctx context.Context, q db.Q, scope, id int64, current bool) (bool, error) {
	open := func(x string) string {
		if current {
			return " AND " + x + ".to_on IS NULL"
		}
		return ""
	}
	query := "SELECT CASE WHEN EXISTS (SELECT 1 FROM membership m JOIN party_org o ON o.id = m.org_id WHERE m.person_id = ?" + open("m") + " AND " + withinNow(orgPlaceNow("o")) + ")" +
		" OR EXISTS (SELECT 1 FROM registration r WHERE r.person_id = ?" + open("r") + " AND " + withinNow("r.area_id") + ")" +
		" OR EXISTS (SELECT 1 FROM post p LEFT JOIN party_org o ON o.id = p.org_id WHERE p.person_id = ?" + open("p") + " AND " + withinNow("COALESCE(p.area_id, "+orgPlaceNow("o")+")") + ")" +
		" THEN 1 ELSE 0 END"
	var n int
	if err := q.QueryRowContext(ctx, query, id, scope, id, scope, id, scope).Scan(&n); err != nil {
		return false, fmt.Errorf("people: person scope: %w", err)
	}
	return n == 1, nil
}

// allowPerson refuses a person outside the scope, as not found.
func (s *Store) allowPerson(ctx context.Context, q db.Q, field string, id int64, current bool) error {
	sc := s.scope(ctx)
	if sc == 0 {
		return nil
	}
	ok, err := personVisible(ctx, q, sc, id, current)
	if err != nil {
		return err
	}
	if !ok {
		return outOfScope(field)
	}
	return nil
}

// allowAttach lets a write attach a person (a membership, post or
// registration) when the person is visible in the scope, or is not placed
// anywhere yet (recorded without any membership, registration or post).
func (s *Store) allowAttach(ctx context.Context, q db.Q, id int64) error {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM person WHERE id = ?", id).Scan(&n); err != nil {
		return fmt.Errorf("people: person: %w", err)
	}
	if n == 0 {
		if s.scope(ctx) != 0 {
			return outOfScope("person_id")
		}
		return &i18n.Error{Field: "person_id", Key: "err.person_not_found", Args: []any{id}, Err: ErrNotFound}
	}
	sc := s.scope(ctx)
	if sc == 0 {
		return nil
	}
	if ok, err := personVisible(ctx, q, sc, id, false); err != nil || ok {
		return err
	}
	var placed int
	if err := q.QueryRowContext(ctx, `SELECT CASE WHEN EXISTS (SELECT 1 FROM membership WHERE person_id = ?1)
OR EXISTS (SELECT 1 FROM registration WHERE person_id = ?1) OR EXISTS (SELECT 1 FROM post WHERE person_id = ?1) THEN 1 ELSE 0 END`, id).Scan(&placed); err != nil {
		return fmt.Errorf("people: person placed: %w", err)
	}
	if placed == 1 {
		return outOfScope("person_id")
	}
	return nil
}

// wholeTree reports whether areaID is the top of the only tree, so that a
// list under it needs no scope check of each row.
func wholeTree(ctx context.Context, q db.Q, areaID int64) (bool, error) {
	if areaID == 0 {
		return false, nil
	}
	var whole bool
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) = 1 AND MAX(CASE WHEN id = ? THEN 1 ELSE 0 END) = 1 FROM area WHERE parent_id IS NULL`, areaID).Scan(&whole)
	return whole, wrap("whole tree", err)
}
