package audit

import (
	"context"
	"fmt"
	"strings"
	"time"

	"dangjian/internal/db"
)

// Filter selects entries for the auditor's page and export. Empty fields
// select everything.
type Filter struct {
	Actor      string // username, exact
	Action     string // "auth" or "auth." selects auth.*; "auth.signin" only that action (and auth.signin.*)
	TargetType string // exact
	TargetID   string // exact; used with or without TargetType
	From       time.Time
	To         time.Time // exclusive
	Limit      int       // page size for Query; 0 means DefaultLimit, capped at MaxLimit
	Offset     int
}

// Paging limits of Query.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// where returns the WHERE clause (with a leading " WHERE ", or "") and its arguments.
func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) {
		conds = append(conds, cond)
		args = append(args, a...)
	}
	if f.Actor != "" {
		add("username = ?", f.Actor)
	}
	if p := strings.TrimSuffix(f.Action, "."); p != "" {
		// A byte range is a prefix on both engines (action has the "C"
		// collation on PostgreSQL) and uses the index; '/' follows '.'.
		add("(action = ? OR (action >= ? AND action < ?))", p, p+".", p+"/")
	}
	if f.TargetType != "" {
		add("target_type = ?", f.TargetType)
	}
	if f.TargetID != "" {
		add("target_id = ?", f.TargetID)
	}
	if !f.From.IsZero() {
		add("at_ms >= ?", f.From.UnixMilli())
	}
	if !f.To.IsZero() {
		add("at_ms < ?", f.To.UnixMilli())
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Query returns one page of the entries f selects, newest first, and how
// many entries f selects in all.
func Query(ctx context.Context, q db.Q, f Filter) ([]Record, int, error) {
	where, args := f.where()
	var total int
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_entry"+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("audit: count: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	out := make([]Record, 0, min(limit, total))
	err := each(ctx, q, where+" ORDER BY seq DESC LIMIT ? OFFSET ?", append(args, limit, max(f.Offset, 0)), func(r *Record) error {
		out = append(out, *r)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// each streams the entries selected by tail (WHERE, ORDER and LIMIT) to fn.
func each(ctx context.Context, q db.Q, tail string, args []any, fn func(*Record) error) error {
	rows, err := q.QueryContext(ctx, "SELECT "+columns+" FROM audit_entry"+tail, args...)
	if err != nil {
		return fmt.Errorf("audit: query: %w", err)
	}
	defer rows.Close()
	var r Record
	for rows.Next() {
		if err := r.scan(rows); err != nil {
			return err
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("audit: query: %w", err)
	}
	return nil
}
