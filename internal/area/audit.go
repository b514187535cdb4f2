package area

import (
	"context"
	"strconv"

	"dangjian/internal/audit"
	"dangjian/internal/db"
)

// record appends the audit entry of a change inside its transaction, so the
// change and its entry commit or roll back together.
func record(ctx context.Context, q db.Q, action, targetType string, id int64, before, after any) error {
	return audit.Append(ctx, q, audit.Entry{
		Action: action, TargetType: targetType, TargetID: strconv.FormatInt(id, 10), Before: before, After: after,
	})
}
