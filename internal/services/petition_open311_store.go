package services

import (
	"context"
	"strings"
	"time"

	"database/sql"
)

// Open311Filter chooses the cases of the Open311 view: received from From
// to To (either zero for no bound), of the statuses and types listed
// (none: all).
type Open311Filter struct {
	From, To time.Time
	Statuses []string
	Types    []PetitionType
}

// Open311 lists the cases of the caller's subtree the filter chooses,
// newest first, at most 1000.
func (s *PetitionStore) Open311(ctx context.Context, f Open311Filter) ([]Petition, error) {
	where, args := []string{"1 = 1"}, []any{}
	if root := s.scope(ctx); root != 0 {
		where, args = append(where, "EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = p.area_id AND c.to_on IS NULL)"), append(args, root)
	}
	if !f.From.IsZero() {
		where, args = append(where, "p.received_at >= ?"), append(args, stampOf(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "p.received_at <= ?"), append(args, stampOf(f.To))
	}
	if len(f.Statuses) == 1 {
		if f.Statuses[0] == "open" {
			where = append(where, "p.resolved_on IS NULL")
		} else {
			where = append(where, "p.resolved_on IS NOT NULL")
		}
	}
	if len(f.Types) > 0 {
		where = append(where, "p.kind IN (?"+strings.Repeat(", ?", len(f.Types)-1)+")")
		for _, t := range f.Types {
			args = append(args, t)
		}
	}
	rows, err := s.DB.Reader().QueryContext(ctx, "SELECT "+petitionCols+petitionFrom+" WHERE "+strings.Join(where, " AND ")+
		" ORDER BY p.received_at DESC, p.id DESC LIMIT 1000", args...)
	if err != nil {
		return nil, err
	}
	return collectPetitions(rows)
}

// collectPetitions scans the cases of rows and closes them.
func collectPetitions(rows *sql.Rows) ([]Petition, error) {
	defer rows.Close()
	out := []Petition{}
	for rows.Next() {
		p, err := scanPetition(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
