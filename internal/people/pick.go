package people

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/db"
	"dangjian/internal/web"
)

// pickers find the party organisations and the stationed units of the
// caller's scope for the forms' search-as-you-type inputs (web.Picker).
func (s *Store) pickers() []web.Picker {
	return []web.Picker{
		{Kind: "orgs", Perm: ReadPeople, Find: s.findOrgs, Label: func(ctx context.Context, id int64) (string, error) {
			return s.pickLabel(ctx, s.findOrgsQuery, id)
		}},
		{Kind: "units", Perm: ReadUnits, Find: s.findUnits, Label: func(ctx context.Context, id int64) (string, error) {
			return s.pickLabel(ctx, s.findUnitsQuery, id)
		}},
	}
}

// pickQuery builds a picker's query: the records matching text (all for
// ""), or the one record id when id is not 0.
type pickQuery func(ctx context.Context, text string, id int64) (string, []any)

// findOrgsQuery: active organisations placed in the scope whose name, or
// their community's or unit's name, contains text; labelled with that place.
func (s *Store) findOrgsQuery(ctx context.Context, text string, id int64) (string, []any) {
	query := `SELECT o.id, o.name, COALESCE(un.name, a.name, '') FROM party_org o
LEFT JOIN area a ON a.id = o.area_id LEFT JOIN unit un ON un.id = o.unit_id WHERE o.ended_on IS NULL`
	var args []any
	if id != 0 {
		query += " AND o.id = ?"
		args = append(args, id)
	}
	if text != "" {
		query += ` AND (o.name LIKE ? ESCAPE '\' OR un.name LIKE ? ESCAPE '\' OR a.name LIKE ? ESCAPE '\')`
		p := db.Contains(text)
		args = append(args, p, p, p)
	}
	if sc := s.scope(ctx); sc != 0 {
		query += " AND " + withinNow(orgPlaceNow("o"))
		args = append(args, sc)
	}
	return query + " ORDER BY o.id", args
}

// findUnitsQuery: active units located in the scope whose name contains
// text, labelled with their community.
func (s *Store) findUnitsQuery(ctx context.Context, text string, id int64) (string, []any) {
	query := `SELECT u.id, u.name, a.name FROM unit u JOIN unit_location l ON l.unit_id = u.id AND l.to_on IS NULL
JOIN area a ON a.id = l.area_id WHERE u.ended_on IS NULL`
	var args []any
	if id != 0 {
		query += " AND u.id = ?"
		args = append(args, id)
	}
	if text != "" {
		query += ` AND u.name LIKE ? ESCAPE '\'`
		args = append(args, db.Contains(text))
	}
	if sc := s.scope(ctx); sc != 0 {
		query += " AND " + withinNow("l.area_id")
		args = append(args, sc)
	}
	return query + " ORDER BY u.id", args
}

func (s *Store) findOrgs(ctx context.Context, text string, _ url.Values, limit int) ([]web.Option, error) {
	return s.pick(ctx, s.findOrgsQuery, text, limit)
}

func (s *Store) findUnits(ctx context.Context, text string, _ url.Values, limit int) ([]web.Option, error) {
	return s.pick(ctx, s.findUnitsQuery, text, limit)
}

func (s *Store) pick(ctx context.Context, build pickQuery, text string, limit int) ([]web.Option, error) {
	query, args := build(ctx, text, 0)
	rows, err := s.DB.Reader().QueryContext(ctx, query+" LIMIT "+strconv.Itoa(limit), args...)
	if err != nil {
		return nil, wrap("pick", err)
	}
	defer rows.Close()
	var out []web.Option
	for rows.Next() {
		var id int64
		var name, place string
		if err := rows.Scan(&id, &name, &place); err != nil {
			return nil, wrap("pick", err)
		}
		out = append(out, web.Option{Value: itoa(id), Label: labelWithPlace(name, place)})
	}
	return out, wrap("pick", rows.Err())
}

func (s *Store) pickLabel(ctx context.Context, build pickQuery, id int64) (string, error) {
	query, args := build(ctx, "", id)
	var got int64
	var name, place string
	if err := s.DB.Reader().QueryRowContext(ctx, query, args...).Scan(&got, &name, &place); err != nil {
		return "", wrap("pick", err)
	}
	return labelWithPlace(name, place), nil
}

// labelWithPlace names a record with its place, unless the name says it already
// (迎宾社区党支部 needs no · 迎宾社区).
func labelWithPlace(name, place string) string {
	if place == "" || strings.Contains(name, place) {
		return name
	}
	return name + " · " + place
}
