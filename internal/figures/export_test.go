package figures

import (
	"context"

	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// ComputeForAreasFromRows is ComputeForAreas counting every figure from its
// rows, for the tests of the grouped queries.
func ComputeForAreasFromRows(ctx context.Context, q db.Q, s Scope, level string, areas []SubArea, fs []*Figure) (*Breakdown, error) {
	return computeForAreas(ctx, q, s, level, areas, i18n.ZH, fs, false)
}

// GroupedSQL is groupedSQL.
var GroupedSQL = groupedSQL
