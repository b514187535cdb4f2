// Package workbook is the statistics workbook (issue 14, item 3): for a
// scope and period, an XLSX with a sheet per part of the speech — a row per
// sub-area, a column group per figure (the period, the same period a year
// earlier, the change), a total row that is the scope's own figure — and a
// sheet shaped after the annual party statistics table for subdistricts and
// communities (街道、社区(居委会)党员情况). The same breakdown feeds the
// figures page by sub-area (report).
package workbook

import (
	"context"
	"fmt"

	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// Levels a breakdown goes down to.
const (
	Subdistrict = "subdistrict"
	Community   = "community"
)

// Data is a scope's figures by sub-area for a period and the year before.
type Data struct {
	Scope figures.Scope
	Level string
	// Now is the period's breakdown, Before the same areas over the same
	// days a year earlier (figures.YearBefore).
	Now, Before *figures.Breakdown
}

// DefaultLevel is the level a scope breaks down to unless asked: a
// district's subdistricts, a subdistrict's communities.
func DefaultLevel(scopeLevel string) string {
	switch scopeLevel {
	case Subdistrict, Community:
		return Community
	}
	return Subdistrict
}

// CheckLevel refuses a level that is not below the scope's (field names
// the form field or flag); a community's own workbook is at community
// level, its total row alone.
func CheckLevel(field, scopeLevel, level string) error {
	switch {
	case level != Subdistrict && level != Community:
		return i18n.Errf(field, "err.workbook_level", level)
	case scopeLevel == level && level == Subdistrict || scopeLevel == Community && level == Subdistrict:
		return i18n.Errf(field, "err.workbook_level_below", level, scopeLevel)
	}
	return nil
}

// Build computes the figures fs for the scope and its areas at level, for
// the period and a year earlier.
func Build(ctx context.Context, q db.Q, s figures.Scope, level string, lang i18n.Lang, fs []*figures.Figure) (*Data, error) {
	return BuildReporting(ctx, q, s, level, lang, fs, nil)
}

// BuildReporting is Build that calls done (unless nil) with the fraction
// of the work done after each of its two computations (the period, the
// year before), for a job's progress.
func BuildReporting(ctx context.Context, q db.Q, s figures.Scope, level string, lang i18n.Lang, fs []*figures.Figure, done func(float64)) (*Data, error) {
	if done == nil {
		done = func(float64) {}
	}
	now, err := figures.ComputeBySubArea(ctx, q, s, level, lang, fs)
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	done(0.45)
	before, err := figures.ComputeForAreas(ctx, q, figures.YearBefore(s), level, now.Areas, lang, fs)
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	done(0.9) // what is left is writing the file
	return &Data{Scope: s, Level: level, Now: now, Before: before}, nil
}

// Parts are the parts of the speech the figures fs belong to, in order.
func Parts(fs []*figures.Figure) []int {
	var out []int
	seen := map[int]bool{}
	for _, f := range fs {
		if !seen[f.Part] {
			seen[f.Part] = true
			out = append(out, f.Part)
		}
	}
	return out
}

// Change is a figure's change from a year earlier, rounded as the figure
// is shown.
func Change(f *figures.Figure, now, before float64) float64 {
	d := now - before
	switch {
	case f.Agg == figures.Percent:
		return roundTo(d, 10)
	case f.Agg == figures.Sum && f.Scale != 1:
		return roundTo(d, 100)
	}
	return d
}

func roundTo(v, k float64) float64 {
	if v < 0 {
		return -float64(int64(-v*k+0.5)) / k
	}
	return float64(int64(v*k+0.5)) / k
}

// FormatChange renders a change with its sign (+3, -1.5, 0).
func FormatChange(f *figures.Figure, d float64) string {
	s := f.Format(d)
	if d > 0 {
		return "+" + s
	}
	return s
}

// ContentType is the media type of an XLSX workbook.
const ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
