package speechtpl

import (
	"context"

	"dangjian/internal/access"
)

// VersionPlace places a version's id in a caller's subtree: where its area
// lies.
func (s *Store) VersionPlace() *access.Place {
	return &access.Place{Name: "speech_template", Locate: func(ctx context.Context, id int64) error {
		_, err := s.Version(ctx, id)
		return err
	}}
}
