package premises

import (
	"context"

	"dangjian/internal/access"
)

// PremisesPlace places the id of premises: where their community lies.
func (s *Store) PremisesPlace() *access.Place {
	return &access.Place{Name: "premises", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadPremises(ctx, s.DB.Reader(), id)
		return err
	}}
}

// ProjectPlace places the id of a building project: where its community
// lies.
func (s *Store) ProjectPlace() *access.Place {
	return &access.Place{Name: "building_project", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadProject(ctx, s.DB.Reader(), id)
		return err
	}}
}
