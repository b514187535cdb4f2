package services

import (
	"context"

	"dangjian/internal/access"
)

// OutletPlace places the id of an outlet: where it stands.
func (s *Store) OutletPlace() *access.Place {
	return &access.Place{Name: "outlet", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadOutlet(ctx, s.DB.Reader(), "id", id)
		return err
	}}
}

// DesignationPlace places the id of a designation: its community.
func (s *Store) DesignationPlace() *access.Place {
	return &access.Place{Name: "designation", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadDesignation(ctx, s.DB.Reader(), "id", id)
		return err
	}}
}

// RecordPlace places the id of a service record: its area.
func (s *Store) RecordPlace() *access.Place {
	return &access.Place{Name: "service_record", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadRecord(ctx, s.DB.Reader(), "id", id)
		return err
	}}
}

// PlacementPlace places the id of a placement: the area that placed.
func (s *Store) PlacementPlace() *access.Place {
	return &access.Place{Name: "placement", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadPlacement(ctx, s.DB.Reader(), "id", id)
		return err
	}}
}

// DeedPlace places the id of a good deed: the area that did it.
func (s *Store) DeedPlace() *access.Place {
	return &access.Place{Name: "good_deed", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadDeed(ctx, s.DB.Reader(), "id", id)
		return err
	}}
}
