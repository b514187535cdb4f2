package area

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sort"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// validAt is the SQL condition "row x was in force on the date bound to ?".
// It takes the date twice.
func validAt(x string) string {
	return x + ".from_on <= ? AND (" + x + ".to_on IS NULL OR ? < " + x + ".to_on)"
}

// activeAt is "area or org x active on ?" (twice).
func activeAt(x, start string) string {
	return x + "." + start + " <= ? AND (" + x + ".ended_on IS NULL OR ? < " + x + ".ended_on)"
}

// Node is an area in the tree as of a date, with its children and, for the
// coverage marks, how many party organisations it had active on that date.
type Node struct {
	Area
	Depth     int     `json:"depth"`
	ActiveOrg int     `json:"active_orgs"`
	Children  []*Node `json:"children,omitempty"`
}

// Tree returns the subtree under rootID as it stood on asOf: areas active that
// day, with the names and parents they had that day. It reads the closure
// table once, never walking the tree row by row.
func (s *Store) Tree(ctx context.Context, rootID int64, asOf date.Date) (*Node, error) {
	return s.TreeTo(ctx, rootID, asOf, math.MaxInt32)
}

// TreeTo is Tree down to maxDepth levels below rootID (0: the root alone):
// the API's bounded tree reads no more than it shows.
func (s *Store) TreeTo(ctx context.Context, rootID int64, asOf date.Date, maxDepth int) (*Node, error) {
	q := s.DB.Reader()
	if err := s.allow(ctx, q, "root", rootID); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `
SELECT a.id, a.level, COALESCE(n.name, a.name), COALESCE(p.ancestor_id, 0), a.code,
       a.established_on, a.ended_on, s.depth,
       (SELECT COUNT(*) FROM party_org o WHERE o.area_id = a.id AND `+activeAt("o", "started_on")+`)
FROM area_closure s
JOIN area a ON a.id = s.descendant_id
LEFT JOIN area_closure p ON p.descendant_id = a.id AND p.depth = 1 AND `+validAt("p")+`
LEFT JOIN area_name n ON n.area_id = a.id AND `+validAt("n")+`
WHERE s.ancestor_id = ? AND s.depth <= ? AND `+validAt("s")+` AND `+activeAt("a", "established_on")+`
ORDER BY s.depth, a.id`,
		asOf, asOf, asOf, asOf, asOf, asOf, rootID, maxDepth, asOf, asOf, asOf, asOf)
	if err != nil {
		return nil, fmt.Errorf("area: tree: %w", err)
	}
	defer rows.Close()
	byID := map[int64]*Node{}
	var root *Node
	for rows.Next() {
		n := &Node{}
		var code sql.NullString
		if err := rows.Scan(&n.ID, &n.Level, &n.Name, &n.ParentID, &code, &n.EstablishedOn, &n.EndedOn, &n.Depth, &n.ActiveOrg); err != nil {
			return nil, err
		}
		n.Code = code.String
		if n.EndedOn.After(asOf) {
			n.EndedOn = date.Date{} // the tree as it stood: what came later is not known yet
		}
		byID[n.ID] = n
		if n.ID == rootID {
			root = n
			continue
		}
		if p := byID[n.ParentID]; p != nil {
			p.Children = append(p.Children, n)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if root == nil {
		return nil, nil
	}
	sortTree(root)
	return root, nil
}

func sortTree(n *Node) {
	sort.SliceStable(n.Children, func(i, j int) bool { return n.Children[i].ID < n.Children[j].ID })
	for _, c := range n.Children {
		sortTree(c)
	}
}

// Walk calls fn for n and every node below it, depth first.
func (n *Node) Walk(fn func(*Node)) {
	fn(n)
	for _, c := range n.Children {
		c.Walk(fn)
	}
}

// NameOn returns the name area id had on d (its current name if none recorded).
func nameOn(ctx context.Context, q db.Q, id int64, d date.Date) (string, error) {
	var name string
	err := q.QueryRowContext(ctx, "SELECT name FROM area_name n WHERE area_id = ? AND "+validAt("n"), id, d, d).Scan(&name)
	if err == sql.ErrNoRows {
		err = q.QueryRowContext(ctx, "SELECT name FROM area WHERE id = ?", id).Scan(&name)
	}
	return name, err
}

// parentOn returns the parent of id on d, or 0 for a root.
func parentOn(ctx context.Context, q db.Q, id int64, d date.Date) (int64, error) {
	var p int64
	err := q.QueryRowContext(ctx, "SELECT ancestor_id FROM area_closure c WHERE descendant_id = ? AND depth = 1 AND "+validAt("c"), id, d, d).Scan(&p)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return p, err
}

// Ancestors returns the chain from the root down to id's parent, as of today.
func (s *Store) Ancestors(ctx context.Context, id int64) ([]Area, error) {
	if err := s.allow(ctx, s.DB.Reader(), "area_id", id); err != nil {
		return nil, err
	}
	rows, err := s.DB.Reader().QueryContext(ctx, `
SELECT a.id, a.level, a.name, COALESCE(a.parent_id, 0), COALESCE(a.code, ''), a.established_on, a.ended_on, COALESCE(a.successor_id, 0)
FROM area_closure c JOIN area a ON a.id = c.ancestor_id
WHERE c.descendant_id = ? AND c.depth > 0 AND c.to_on IS NULL
ORDER BY c.depth DESC`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Area
	for rows.Next() {
		a, err := scanArea(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// A scoped user sees the chain from their own area down.
	for sc := s.scope(ctx); len(out) > 0 && sc != 0 && out[0].ID != sc; {
		out = out[1:]
	}
	return out, nil
}

// Children returns the current direct children of id, active or ended.
func (s *Store) Children(ctx context.Context, id int64) ([]Area, error) {
	if err := s.allow(ctx, s.DB.Reader(), "area_id", id); err != nil {
		return nil, err
	}
	rows, err := s.DB.Reader().QueryContext(ctx, "SELECT "+areaCols+" FROM area WHERE parent_id = ? ORDER BY id", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Area
	for rows.Next() {
		a, err := scanArea(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ListActive returns every area active on d, in id order, for pickers and
// the API's list. Answers are cached until the tree changes (see
// versionSetting): the version is read before the list, so an entry can be
// older than its version's data but never newer than it claims.
func (s *Store) ListActive(ctx context.Context, d date.Date) ([]Area, error) {
	key := listKey{scope: s.scope(ctx), on: d}
	version, err := readVersion(ctx, s.DB.Reader())
	if err != nil {
		return nil, err
	}
	if s.lists != nil {
		if out, ok := s.lists.get(key, version); ok {
			return out, nil
		}
	}
	query, args := "SELECT "+areaCols+" FROM area a WHERE "+activeAt("a", "established_on"), []any{d, d}
	if key.scope != 0 {
		query += " AND a.id IN (SELECT descendant_id FROM area_closure WHERE ancestor_id = ? AND to_on IS NULL)"
		args = append(args, key.scope)
	}
	rows, err := s.DB.Reader().QueryContext(ctx, query+" ORDER BY id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Area
	for rows.Next() {
		a, err := scanArea(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if s.lists != nil {
		s.lists.put(key, version, out)
	}
	return out, nil
}
