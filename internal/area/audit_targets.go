package area

import (
	"context"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// The auditor's page names areas and party organisations instead of their ids.
func init() {
	audit.NameTargets("area", func(ctx context.Context, q db.Q, _ i18n.Lang, ids []int64) (map[int64]string, error) {
		return audit.NamesByID(ctx, q, "SELECT id, name FROM area WHERE id IN (?)", ids)
	})
	audit.NameTargets("party_org", func(ctx context.Context, q db.Q, _ i18n.Lang, ids []int64) (map[int64]string, error) {
		return audit.NamesByID(ctx, q, "SELECT id, name FROM party_org WHERE id IN (?)", ids)
	})
}
