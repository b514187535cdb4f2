package cobuilding

import (
	"context"

	"dangjian/internal/access"
)

// DemandPlace places the id of a demand: where its community lies.
func (s *Store) DemandPlace() *access.Place {
	return &access.Place{Name: "demand", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadDemand(ctx, s.DB.Reader(), "id", id)
		return err
	}}
}

// ResourcePlace places the id of a resource: where it is offered.
func (s *Store) ResourcePlace() *access.Place {
	return &access.Place{Name: "resource", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadResource(ctx, s.DB.Reader(), "id", id)
		return err
	}}
}

// ProjectPlace places the id of a co-building project: where its
// community lies.
func (s *Store) ProjectPlace() *access.Place {
	return &access.Place{Name: "co_project", Locate: func(ctx context.Context, id int64) error {
		_, err := s.loadProject(ctx, s.DB.Reader(), "id", id)
		return err
	}}
}
