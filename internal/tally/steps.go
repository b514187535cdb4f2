package tally

import (
	"slices"
	"time"

	"dangjian/internal/date"
)

// Column is one maintained count: a column of the tally and tally_year
// tables (see their migrations).
type Column int

// The people's counts (migration 0005), the first columns.
const (
	Members Column = iota
	Enrolled
	Units
	UnitsWithConcurrent
	ConcurrentPosts
	CrossAppointed
	RegMembers
	RegUnits
)

// columnNames are the tally table's column names, by Column: the people's,
// then those the domains add with NewColumn.
var columnNames = []string{
	"members", "enrolled", "units", "units_with_concurrent",
	"concurrent_posts", "cross_appointed", "reg_members", "reg_units",
}

// NewColumn registers a count a domain maintains, from an init function of
// its package; the column must exist in tally and tally_year (the domain's
// migration adds it). A duplicate name is a programming error.
func NewColumn(name string) Column {
	if slices.Contains(columnNames, name) {
		panic("tally: duplicate column " + name)
	}
	columnNames = append(columnNames, name)
	return Column(len(columnNames) - 1)
}

// Columns are the names of every registered count, in Column order.
func Columns() []string { return slices.Clone(columnNames) }

// numColumns is how many counts there are.
func numColumns() int { return len(columnNames) }

// Name is the column's name in the tally table.
func (c Column) Name() string { return columnNames[c] }

// day is a date as days since 1970-01-01; "never" ends an open span.
type day int32

const never day = 1<<31 - 1

func dayOf(d date.Date) day {
	if d.IsZero() {
		return never
	}
	return day(d.Time().Unix() / 86400)
}

func (d day) date() date.Date { return date.Of(time.Unix(int64(d)*86400, 0).UTC()) }

// span is the half-open period [from, to) a record is in force; to is never
// while it is open.
type span struct{ from, to day }

func spanOf(from, to date.Date) span { return span{dayOf(from), dayOf(to)} }

// and is the part of s that is also in o; ok is false when they do not meet.
func (s span) and(o span) (span, bool) {
	r := span{max(s.from, o.from), min(s.to, o.to)}
	return r, r.from < r.to
}

// union merges spans that overlap or touch, so a record counted through
// several of them (a unit with two concurrent members) counts once.
func union(ss []span) []span {
	if len(ss) < 2 {
		return ss
	}
	slices.SortFunc(ss, func(a, b span) int { return int(a.from) - int(b.from) })
	out := ss[:1]
	for _, s := range ss[1:] {
		last := &out[len(out)-1]
		if s.from <= last.to {
			last.to = max(last.to, s.to)
			continue
		}
		out = append(out, s)
	}
	return out
}

// Row is the counts of one area in force from On until its next row, by
// Column.
type Row struct {
	On     date.Date
	Counts []int64
	// Year is the year of a tally_year row repeating an earlier year's
	// (0: On's year).
	Year int
}

// year is the year a row is kept under in tally_year and tally_jan1.
func (r Row) year() int {
	if r.Year != 0 {
		return r.Year
	}
	return r.On.Year()
}

// steps collects one area's changes: each count's change on each day.
type steps map[day][]int64

// add counts one record in force over s.
func (st steps) add(c Column, s span) {
	if s.from >= s.to {
		return
	}
	st.change(s.from, c, 1)
	if s.to != never {
		st.change(s.to, c, -1)
	}
}

// start counts one record from its first day on, for good (a running total).
func (st steps) start(c Column, on day) { st.change(on, c, 1) }

func (st steps) change(on day, c Column, by int64) {
	if on == never {
		return
	}
	d := st[on]
	if d == nil {
		d = make([]int64, numColumns())
		st[on] = d
	}
	d[c] += by
}

// rows turns the changes into the step function: one row per day on which
// some count changes, holding the counts from that day on.
func (st steps) rows() []Row {
	days := make([]day, 0, len(st))
	for d, ch := range st {
		if slices.ContainsFunc(ch, func(by int64) bool { return by != 0 }) {
			days = append(days, d)
		}
	}
	slices.Sort(days)
	out := make([]Row, 0, len(days))
	run := make([]int64, numColumns())
	for _, d := range days {
		for c, by := range st[d] {
			run[c] += by
		}
		out = append(out, Row{On: d.date(), Counts: slices.Clone(run)})
	}
	return out
}
