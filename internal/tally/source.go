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
		return Scan(ctx, q, query, in, args, func(r Scanner) error { return scan(r, c) })
	}}
}

// Scan runs a source's query for a batch ("IN (…)" in query becomes in)
// and passes each row to scan.
func Scan(ctx context.Context, q db.Q, query, in string, args []any, scan func(r Scanner) error) error {
	rows, err := q.QueryContext(ctx, strings.Replace(query, "(…)", in, 1), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Counter adds records to the step functions of the areas being recounted.
type Counter struct {
	into  func(area int64) steps
	pairs map[pairKey][]span
	// within, when set, clips every span counted (Within).
	within *span
}

// Within is c counting only the part of each record's span that falls in
// [from, to) (a room while its premises stand, a branch while its
// community exists); a zero to is open.
func (c Counter) Within(from, to date.Date) Counter {
	w := spanOf(from, to)
	if c.within != nil {
		w, _ = w.and(*c.within)
	}
	c.within = &w
	return c
}

// clip is s within c's bounds; ok is false when nothing is left.
func (c Counter) clip(from, to date.Date) (span, bool) {
	s := spanOf(from, to)
	if c.within == nil {
		return s, s.from < s.to
	}
	return s.and(*c.within)
}

// Span counts one record in force on [from, to); a zero to is "still in
// force", a zero from or an empty span counts nothing.
func (c Counter) Span(area int64, col Column, from, to date.Date) {
	if from.IsZero() {
		return
	}
	if s, ok := c.clip(from, to); ok {
		c.into(area).add(col, s)
	}
}

// Once counts 1 while any of the spans given for (area, col) is in force,
// however many overlap (a community with one organisation or three).
func (c Counter) Once(area int64, col Column, from, to date.Date) {
	if from.IsZero() {
		return
	}
	if s, ok := c.clip(from, to); ok {
		k := pairKey{area, area, col}
		c.pairs[k] = append(c.pairs[k], s)
	}
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
func countDomains(ctx context.Context, q db.Q, in string, args []any, into func(int64) steps, pairs map[pairKey][]span) error {
	for _, src := range domainSources {
		if err := src.Count(ctx, q, in, args, Counter{into: into, pairs: pairs}); err != nil {
			return fmt.Errorf("tally: %s: %w", src.Name, err)
		}
	}
	return nil
}
