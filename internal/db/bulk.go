package db

import (
	"context"
	"fmt"
	"strings"
)

// MaxParams keeps one statement below SQLite's default limit of 32,766
// bound parameters (PostgreSQL allows 65,535).
const MaxParams = 30000

// Placeholders is "?, ?, …" with n marks.
func Placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// BulkInsert writes n rows into table with multi-row INSERT … VALUES
// statements of up to MaxParams parameters; row appends row i's values to
// dst. The full-size statement text is built once and reused; only the
// last, shorter batch gets its own.
func BulkInsert(ctx context.Context, q Q, table string, cols []string, n int, row func(i int, dst []any) []any) error {
	if n == 0 {
		return nil
	}
	per := MaxParams / len(cols)
	stmt := func(rows int) string {
		tuple := "(" + Placeholders(len(cols)) + ")"
		return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(tuple+", ", rows), ", ")
	}
	full := ""
	args := make([]any, 0, per*len(cols))
	for lo := 0; lo < n; lo += per {
		hi := min(lo+per, n)
		args = args[:0]
		for i := lo; i < hi; i++ {
			args = row(i, args)
		}
		var text string
		if hi-lo == per {
			if full == "" {
				full = stmt(per)
			}
			text = full
		} else {
			text = stmt(hi - lo)
		}
		if _, err := q.ExecContext(ctx, text, args...); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
	}
	return nil
}
