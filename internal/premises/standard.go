package premises

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// StandardInput is the premises standard an area sets for the communities
// under it from a date: the minimum floor area of a community's office and
// service premises together, and the floor area per 100 households (both
// in 0.01 m²).
type StandardInput struct {
	AreaID          int64     `json:"area_id"`
	MinArea         int64     `json:"min_area"`
	Per100Household int64     `json:"per_100_households"`
	FromOn          date.Date `json:"from_on"`
}

// SetStandard records a standard; a later one of the same area replaces it
// from its date.
func (s *Store) SetStandard(ctx context.Context, in StandardInput) (int64, error) {
	if in.MinArea < 0 {
		return 0, i18n.Errf("min_area", "err.premises_area_invalid")
	}
	if in.Per100Household < 0 {
		return 0, i18n.Errf("per_100_households", "err.premises_area_invalid")
	}
	if in.MinArea == 0 && in.Per100Household == 0 {
		return 0, i18n.Errf("min_area", "err.standard_empty")
	}
	if in.FromOn.IsZero() {
		return 0, i18n.Errf("from_on", "err.date_required")
	}
	if _, err := s.Areas.Get(ctx, in.AreaID); err != nil {
		if e, ok := err.(*i18n.Error); ok {
			e.Field = "area_id"
		}
		return 0, err
	}
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		if err := q.QueryRowContext(ctx, "INSERT INTO premises_standard (area_id, min_area, per_100_households, from_on) VALUES (?, ?, ?, ?) RETURNING id",
			in.AreaID, in.MinArea, in.Per100Household, in.FromOn).Scan(&id); err != nil {
			return err
		}
		return record(ctx, q, "premises_standard.set", "premises_standard", id, in)
	})
	return id, err
}

// HouseholdsInput is a community's households counted on a date.
type HouseholdsInput struct {
	AreaID     int64     `json:"area_id"`
	Households int       `json:"households"`
	CountedOn  date.Date `json:"counted_on"`
}

// CountHouseholds records a count; the latest on or before a date is the
// one in force on it.
func (s *Store) CountHouseholds(ctx context.Context, in HouseholdsInput) (int64, error) {
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) (err error) {
		id, err = s.countHouseholds(ctx, q, in)
		return err
	})
	return id, err
}

// countHouseholds checks and writes a count inside the caller's
// transaction.
func (s *Store) countHouseholds(ctx context.Context, q db.Q, in HouseholdsInput) (int64, error) {
	if in.Households < 0 {
		return 0, i18n.Errf("households", "err.premises_count_negative")
	}
	if err := s.checkDate("counted_on", in.CountedOn); err != nil {
		return 0, err
	}
	if _, err := s.community(ctx, "area_id", in.AreaID, in.CountedOn); err != nil {
		return 0, err
	}
	var id int64
	if err := q.QueryRowContext(ctx, "INSERT INTO household_count (area_id, households, counted_on) VALUES (?, ?, ?) RETURNING id",
		in.AreaID, in.Households, in.CountedOn).Scan(&id); err != nil {
		return 0, err
	}
	return id, record(ctx, q, "household_count.add", "household_count", id, in)
}
