package area

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/web"
)

// picker finds the areas of the caller's scope active today for the
// search-as-you-type inputs (web.Picker); level=… keeps one level (several
// may be given), labels name the parent (迎宾社区 · 河东街道), since
// community names repeat across a city.
func (s *Store) picker() web.Picker {
	return web.Picker{Kind: "areas", Perm: auth.ReadAreas,
		Find: func(ctx context.Context, text string, args url.Values, limit int) ([]web.Option, error) {
			return s.pick(ctx, text, args["level"], 0, limit)
		},
		Label: func(ctx context.Context, id int64) (string, error) {
			opts, err := s.pick(ctx, "", nil, id, 1)
			if err == nil && len(opts) == 0 {
				_, err = s.Get(ctx, id) // the refusal of an id out of scope or unknown
				if err == nil {
					err = ErrNotFound
				}
			}
			if err != nil {
				return "", err
			}
			return opts[0].Label, nil
		}}
}

func (s *Store) pick(ctx context.Context, text string, levels []string, id int64, limit int) ([]web.Option, error) {
	query := `SELECT a.id, a.name, COALESCE(p.name, '') FROM area a LEFT JOIN area p ON p.id = a.parent_id WHERE a.ended_on IS NULL`
	var args []any
	if id != 0 {
		query += " AND a.id = ?"
		args = append(args, id)
	}
	if text != "" {
		query += ` AND a.name LIKE ? ESCAPE '\'`
		args = append(args, db.Contains(text))
	}
	if len(levels) > 0 {
		query += " AND a.level IN (?" + strings.Repeat(",?", len(levels)-1) + ")"
		for _, l := range levels {
			args = append(args, l)
		}
	}
	if sc := s.scope(ctx); sc != 0 {
		query += " AND EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = a.id AND c.to_on IS NULL)"
		args = append(args, sc)
	}
	rows, err := s.DB.Reader().QueryContext(ctx, query+" ORDER BY a.id LIMIT "+strconv.Itoa(limit), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []web.Option
	for rows.Next() {
		var id int64
		var name, parent string
		if err := rows.Scan(&id, &name, &parent); err != nil {
			return nil, err
		}
		label := name
		if parent != "" {
			label += " · " + parent
		}
		out = append(out, web.Option{Value: web.Itoa(id), Label: label})
	}
	return out, rows.Err()
}
