package coordination

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// ActionFilter narrows the action list. Due says which open actions:
// "overdue" (due before On), "soon" (due from On to On+SoonDays), "" all.
type ActionFilter struct {
	AreaID       int64 `json:"area_id"` // the subtree; 0: the caller's scope
	ConferenceID int64 `json:"conference_id"`
	OwnerUnitID  int64 `json:"owner_unit_id"`
	// OwnerName is a named department owning actions (街道城管科).
	OwnerName string    `json:"owner_name"`
	Due       string    `json:"due"`
	On        date.Date `json:"on"`
	SoonDays  int       `json:"soon_days"`
	// After is the last action id of the previous page.
	After int64 `json:"after"`
	Limit int   `json:"limit"`
}

// ListActions is a page of the actions open on f.On (agreed by then,
// neither done nor dropped then), top-level, in due order then id.
func (s *Store) ListActions(ctx context.Context, f ActionFilter) ([]Action, error) {
	if f.On.IsZero() {
		f.On = s.Today()
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	if f.SoonDays <= 0 {
		f.SoonDays = 14
	}
	// Open on f.On is said below, per plan: these hold either way.
	where := []string{"x.parent_id IS NULL", "x.agreed_on <= ?"}
	args := []any{f.On}
	switch f.Due {
	case "overdue":
		where = append(where, "x.due_on < ?")
		args = append(args, f.On)
	case "soon":
		where = append(where, "x.due_on >= ? AND x.due_on <= ?")
		args = append(args, f.On, f.On.AddDays(f.SoonDays))
	case "":
	default:
		return nil, i18n.Errf("due", "err.action_due_filter_invalid")
	}
	area := f.AreaID
	if area == 0 {
		area = s.Areas.ScopeOf(ctx)
	}
	broad := true
	if area != 0 {
		if err := s.inScope(ctx, "area_id", area); err != nil {
			return nil, err
		}
		var err error
		if broad, err = s.Areas.Broad(ctx, area); err != nil {
			return nil, err
		}
		if broad {
			where = append(where, "EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = x.area_id AND c.to_on IS NULL)")
		} else {
			// The subtree's few areas as a list, each read through
			// agreed_action_area_due.
			where = append(where, "x.area_id IN (SELECT c.descendant_id FROM area_closure c WHERE c.ancestor_id = ? AND c.to_on IS NULL)")
		}
		args = append(args, area)
	}
	if f.ConferenceID != 0 {
		if _, err := s.Conference(ctx, f.ConferenceID); err != nil {
			return nil, err
		}
		where = append(where, "x.session_id IN (SELECT id FROM conference_session WHERE conference_id = ?)")
		args = append(args, f.ConferenceID)
	}
	if f.OwnerUnitID != 0 {
		where = append(where, "x.owner_unit_id = ?")
		args = append(args, f.OwnerUnitID)
	}
	if name := strings.TrimSpace(f.OwnerName); name != "" {
		where = append(where, "x.owner_unit_id IS NULL AND x.owner_name = ?")
		args = append(args, name)
	}
	if f.After != 0 {
		// Keyset on (due_on, id): the page after the last one shown.
		var due date.Date
		if err := s.DB.Reader().QueryRowContext(ctx, "SELECT due_on FROM agreed_action WHERE id = ?", f.After).Scan(&due); err != nil {
			return nil, notFound("after", "err.action_unknown", f.After)
		}
		where = append(where, "(x.due_on > ? OR (x.due_on = ? AND x.id > ?))")
		args = append(args, due, due, f.After)
	}
	order := " ORDER BY x.due_on, x.id LIMIT " + strconv.Itoa(f.Limit)
	from := "agreed_action x LEFT JOIN unit u ON u.id = x.owner_unit_id WHERE " + strings.Join(where, " AND ") + " AND (x.closed_on IS NULL OR x.closed_on > ?)"
	if broad {
		// Walked in the list's order: the open actions from
		// agreed_action_open_due, and those closed after f.On (few unless
		// f.On is past) from agreed_action_closed, the first of each.
		branch := "SELECT * FROM (SELECT x.* FROM agreed_action x WHERE " + strings.Join(where, " AND ") + " AND x.closed_on %s" + order + ") %s"
		from = "(" + fmt.Sprintf(branch, "IS NULL", "o") + " UNION ALL " + fmt.Sprintf(branch, "> ?", "c") + ") x LEFT JOIN unit u ON u.id = x.owner_unit_id"
		args = slices.Concat(args, args)
	}
	args = append(args, f.On)
	rows, err := s.DB.Reader().QueryContext(ctx, `SELECT x.id, COALESCE(x.parent_id, 0), x.area_id, x.title, COALESCE(x.owner_unit_id, 0),
COALESCE(u.name, x.owner_name), x.agreed_on, x.due_on, x.status, x.progress, x.closed_on, x.result
FROM `+from+order, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Action
	for rows.Next() {
		var a Action
		if err := rows.Scan(&a.ID, &a.ParentID, &a.AreaID, &a.Title, &a.OwnerUnitID, &a.OwnerName, &a.AgreedOn, &a.DueOn, &a.Status,
			&a.Progress, &a.ClosedOn, &a.Result); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
