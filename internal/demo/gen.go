package demo

import (
	"context"
	"fmt"
	"io"

	"dangjian/internal/db"
)

// GenStats counts what Generate wrote.
type GenStats struct {
	Areas, Events, Orgs int
}

func (s GenStats) String() string {
	return fmt.Sprintf("%d areas, %d events, %d party organisations", s.Areas, s.Events, s.Orgs)
}

// Generate builds a synthetic tree of tier t with ten years of events.
// TODO(gen): being written.
func Generate(ctx context.Context, d *db.DB, t Tier, progress io.Writer) (GenStats, error) {
	return GenStats{}, fmt.Errorf("gen: not yet implemented")
}
