package premises

import (
	"context"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/input"
)

// OfficeFundingInput is a community's office funding (办公经费) for a
// calendar year, in fen, with where it came from.
type OfficeFundingInput struct {
	AreaID int64  `json:"area_id"`
	Year   int    `json:"year"`
	Amount int64  `json:"amount"`
	Source string `json:"source"`
}

// AddOfficeFunding records a year's office funding of a community that
// existed in that year; a year may have several rows (one per source). The
// row is valid from the year's 1 January to the next, so the funding "of
// the year of D" is the rows valid on D.
func (s *Store) AddOfficeFunding(ctx context.Context, in OfficeFundingInput) (int64, error) {
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) (err error) {
		id, err = s.addOfficeFunding(ctx, q, in)
		return err
	})
	return id, err
}

// addOfficeFunding checks and writes a funding row inside the caller's
// transaction.
func (s *Store) addOfficeFunding(ctx context.Context, q db.Q, in OfficeFundingInput) (int64, error) {
	source, err := input.Text("source", in.Source, 100, "")
	if err != nil {
		return 0, err
	}
	if in.Amount < 0 {
		return 0, i18n.Errf("amount", "err.premises_money_invalid")
	}
	if in.Year < 1949 || in.Year > s.Today().Year() {
		return 0, i18n.Errf("year", "err.funding_year_invalid", s.Today().Year())
	}
	from, to := date.New(in.Year, time.January, 1), date.New(in.Year+1, time.January, 1)
	a, err := s.Areas.Get(ctx, in.AreaID)
	if err != nil {
		if e, ok := err.(*i18n.Error); ok {
			e.Field = "area_id"
		}
		return 0, err
	}
	if a.Level != area.Community {
		return 0, &i18n.Error{Field: "area_id", Key: "err.premises_not_community", Args: []any{a.Name}, Err: fault.BadReference}
	}
	if !a.EstablishedOn.Before(to) || !a.EndedOn.IsZero() && !a.EndedOn.After(from) {
		return 0, i18n.Errf("year", "err.funding_year_outside_community", a.Name, in.Year)
	}
	var id int64
	if err := q.QueryRowContext(ctx, "INSERT INTO office_funding (area_id, year, amount, source, from_on, to_on) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
		in.AreaID, in.Year, in.Amount, source, from, to).Scan(&id); err != nil {
		return 0, err
	}
	in.Source = source
	return id, record(ctx, q, "office_funding.add", "office_funding", id, in)
}
