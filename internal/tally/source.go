package tally

import (
	"context"
	"fmt"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// Source is how a domain's records become its counts: Count reads the
// records of one batch of areas and adds each to the steps of its area. A
// domain registers its sources and columns from an init function, and its
// migration adds the columns and the triggers that note in tally_dirty the
// area each write touches.
type Source struct {
	Name string
	// Count reads the records of the areas whose ids are args; in is
	// "(?, ?, …)" holding them, for the query's IN.
	Count func(ctx context.Context, q db.Q, in string, args []any, c Counter) error
}

// domainSources are the sources registered by the domains, run after the
// people's.
var domainSources []Source

// AddSource registers a domain's source.
func AddSource(s Source) { domainSources = append(domainSources, s) }

// Scanner is one row of a source's query.
type Scanner interface{ Scan(dest ...any) error }

// RowSource is a Source of one query whose text holds "IN (…)" for the
// batch and whose rows scan adds one at a time.
func RowSource(name, query string, scan func(r Scanner, c Counter) error) Source {
	return Source{Name: name, Count: func(ctx context.Context, q db.Q, in string, args []any, c Counter) error {
		rows, err := q.QueryContext(ctx, strings.Replace(query, "(…)", in, 1), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows, c); err != nil {
				return err
			}
		}
		return rows.Err()
	}}
}

// Counter adds records to the step functions of the areas being recounted.
type Counter struct{ into func(area int64) steps }

// Span counts one record in force on [from, to); a zero to is "still in
// force", a zero from or an empty span counts nothing.
func (c Counter) Span(area int64, col Column, from, to date.Date) {
	if from.IsZero() {
		return
	}
	c.into(area).add(col, spanOf(from, to))
}

// Start adds n to col's running total from on, for good (records started
// that day; or, for money, their amount). A zero day counts nothing.
func (c Counter) Start(area int64, col Column, on date.Date, n int64) {
	if on.IsZero() || n == 0 {
		return
	}
	c.into(area).change(dayOf(on), col, n)
}

// countDomains runs the domains' sources over a batch.
func countDomains(ctx context.Context, q db.Q, in string, args []any, into func(int64) steps) error {
	for _, src := range domainSources {
		if err := src.Count(ctx, q, in, args, Counter{into}); err != nil {
			return fmt.Errorf("tally: %s: %w", src.Name, err)
		}
	}
	return nil
}
