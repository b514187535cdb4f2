package tally

import (
	"reflect"
	"testing"

	"dangjian/internal/date"
)

// TestCounterWithinAndOnce: Within clips a record to a span (nothing when
// they do not meet), Once counts overlapping spans of one area as one.
func TestCounterWithinAndOnce(t *testing.T) {
	d := date.MustParse
	open := date.Date{}
	st := steps{}
	pairs := map[pairKey][]span{}
	c := Counter{into: func(int64) steps { return st }, pairs: pairs}
	life := c.Within(d("2024-01-01"), d("2024-12-01"))
	life.Span(1, Members, d("2023-06-01"), open)             // clipped to the life
	life.Span(1, Units, d("2025-01-01"), open)               // after it: nothing
	life.Once(1, Enrolled, d("2024-02-01"), d("2024-05-01")) // two overlapping spans:
	life.Once(1, Enrolled, d("2024-03-01"), d("2024-06-01")) // one from Feb to June
	addOnce(c.into, pairs)
	row := func(on string, members, enrolled int64) Row {
		r := Row{On: d(on), Counts: make([]int64, numColumns())}
		r.Counts[Members], r.Counts[Enrolled] = members, enrolled
		return r
	}
	want := []Row{row("2024-01-01", 1, 0), row("2024-02-01", 1, 1), row("2024-06-01", 1, 0), row("2024-12-01", 0, 0)}
	if got := st.rows(); !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %v\nwant %v", got, want)
	}
}
