package coordination

import (
	"context"
	"time"

	"dangjian/internal/date"
)

// PartyRow is a summoned party as the whistle list shows it.
type PartyRow struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"` // the unit's name or the department
	Deadline   time.Time `json:"deadline"`
	ReportedAt time.Time `json:"reported_at,omitzero"`
	Score      int       `json:"score,omitempty"`
	// Late: reported in after the deadline, or not yet and the deadline
	// has passed.
	Late bool `json:"late"`
	// Left is the time left to report in (0 once reported or late).
	Left time.Duration `json:"left"`
}

// WhistleRow is an unresolved whistle with its parties.
type WhistleRow struct {
	ID       int64      `json:"id"`
	AreaID   int64      `json:"area_id"`
	AreaName string     `json:"area_name"`
	Subject  string     `json:"subject"`
	RaisedAt time.Time  `json:"raised_at"`
	RaisedOn date.Date  `json:"raised_on"`
	Parties  []PartyRow `json:"parties"`
}

// OpenWhistles lists the whistles raised in the caller's scope and not
// resolved, newest first, each party with its time left at now.
func (s *Store) OpenWhistles(ctx context.Context, now time.Time) ([]WhistleRow, error) {
	query := `SELECT w.id, w.area_id, a.name, w.subject, w.raised_at, w.raised_on FROM whistle w JOIN area a ON a.id = w.area_id WHERE w.resolved_on IS NULL`
	var args []any
	if sc := s.Areas.ScopeOf(ctx); sc != 0 {
		query += " AND EXISTS (SELECT 1 FROM area_closure k WHERE k.ancestor_id = ? AND k.descendant_id = w.area_id AND k.to_on IS NULL)"
		args = append(args, sc)
	}
	q := s.DB.Reader()
	rows, err := q.QueryContext(ctx, query+" ORDER BY w.raised_at DESC, w.id DESC LIMIT 200", args...)
	if err != nil {
		return nil, err
	}
	var out []WhistleRow
	for rows.Next() {
		var w WhistleRow
		var raised string
		if err := rows.Scan(&w.ID, &w.AreaID, &w.AreaName, &w.Subject, &raised, &w.RaisedOn); err != nil {
			rows.Close()
			return nil, err
		}
		w.RaisedAt, _ = time.Parse(stamp, raised)
		out = append(out, w)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		prow, err := q.QueryContext(ctx, `SELECT p.id, COALESCE(u.name, p.department), p.deadline_at, COALESCE(p.reported_at, ''), COALESCE(p.score, 0)
FROM whistle_party p LEFT JOIN unit u ON u.id = p.unit_id WHERE p.whistle_id = ? ORDER BY p.id`, out[i].ID)
		if err != nil {
			return nil, err
		}
		for prow.Next() {
			var p PartyRow
			var deadline, reported string
			if err := prow.Scan(&p.ID, &p.Name, &deadline, &reported, &p.Score); err != nil {
				prow.Close()
				return nil, err
			}
			p.Deadline, _ = time.Parse(stamp, deadline)
			if reported != "" {
				p.ReportedAt, _ = time.Parse(stamp, reported)
				p.Late = p.ReportedAt.After(p.Deadline)
			} else if now.After(p.Deadline) {
				p.Late = true
			} else {
				p.Left = p.Deadline.Sub(now)
			}
			out[i].Parties = append(out[i].Parties, p)
		}
		prow.Close()
	}
	return out, nil
}
