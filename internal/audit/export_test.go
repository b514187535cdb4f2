package audit

import (
	"context"
	"time"

	"dangjian/internal/db"
)

// AppendAt is Append at a given instant, for tests of time filters.
func AppendAt(ctx context.Context, q db.Q, e Entry, at time.Time) error {
	return appendAt(ctx, q, e, at)
}

// Rehash recomputes r's hash, as an attacker who knows the encoding would.
func Rehash(r *Record) string { return hashRecord(r) }

// Values returns r's column values in the order of Columns.
func (r *Record) Values() []any { return r.values() }

// Columns lists the audit_entry columns.
const Columns = columns
