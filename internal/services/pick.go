package services

import (
	"context"
	"net/url"

	"dangjian/internal/web"
)

// OutletPicker finds the outlets open today in the caller's scope by part
// of their name, for the service record form.
func (s *Store) OutletPicker() web.Picker {
	return web.Picker{Kind: "outlets", Perm: ReadServices,
		Find: func(ctx context.Context, q string, _ url.Values, limit int) ([]web.Option, error) {
			root := s.scope(ctx)
			where, args := "o.name LIKE ? AND "+openToday, []any{"%" + q + "%", s.Today(), s.Today()}
			if root != 0 {
				where, args = where+" AND "+within("o.area_id"), append(args, root)
			}
			rows, err := list(ctx, s.DB.Reader(), scanOutlet, "SELECT "+outletCols+" FROM outlet o WHERE "+where+" ORDER BY o.name, o.id LIMIT "+itoa(int64(limit)), args...)
			if err != nil {
				return nil, err
			}
			out := make([]web.Option, len(rows))
			for i, o := range rows {
				out[i] = web.Option{Value: web.Itoa(o.ID), Label: o.Name}
			}
			return out, nil
		},
		Label: func(ctx context.Context, id int64) (string, error) {
			o, err := s.Outlet(ctx, id)
			return o.Name, err
		},
	}
}

// openToday is "outlet o open on the day bound twice".
const openToday = "o.from_on <= ? AND (o.to_on IS NULL OR o.to_on > ?)"
