package services

import (
	"context"

	"dangjian/internal/access"
)

// PetitionPlace places the id of a petition case: where the area that
// received it lies.
func (s *PetitionStore) PetitionPlace() *access.Place {
	return &access.Place{Name: "petition", Locate: func(ctx context.Context, id int64) error {
		_, err := s.load(ctx, s.DB.Reader(), "id", id)
		return err
	}}
}
