package area

import (
	"context"
	"strconv"

	"dangjian/internal/audit"
	"dangjian/internal/db"
)

// record appends the audit entry of a change inside its transaction, so the
// change and its entry commit or roll back together.
//
// Every write ends here, so this is also where the tree's version is bumped
// for the read caches.
func record(ctx context.Context, q db.Q, action, targetType string, id int64, before, after any) error {
	if err := bumpVersion(ctx, q); err != nil {
		return err
	}
	return audit.Append(ctx, q, audit.Entry{
		Action: action, TargetType: targetType, TargetID: strconv.FormatInt(id, 10), Before: before, After: after,
	})
}
