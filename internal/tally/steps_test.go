package tally

import (
	"reflect"
	"testing"

	"dangjian/internal/date"
)

func dd(s string) day { return dayOf(date.MustParse(s)) }

func TestSpanAnd(t *testing.T) {
	cases := []struct {
		name   string
		a, b   span
		want   span
		wantOK bool
	}{
		{"overlap", span{dd("2024-01-01"), dd("2024-06-01")}, span{dd("2024-03-01"), dd("2024-09-01")}, span{dd("2024-03-01"), dd("2024-06-01")}, true},
		{"open ends", span{dd("2024-01-01"), never}, span{dd("2023-01-01"), never}, span{dd("2024-01-01"), never}, true},
		{"touching is empty", span{dd("2024-01-01"), dd("2024-03-01")}, span{dd("2024-03-01"), never}, span{dd("2024-03-01"), dd("2024-03-01")}, false},
		{"apart", span{dd("2024-01-01"), dd("2024-02-01")}, span{dd("2024-05-01"), never}, span{dd("2024-05-01"), dd("2024-02-01")}, false},
		{"inside", span{dd("2020-01-01"), never}, span{dd("2024-01-01"), dd("2024-01-02")}, span{dd("2024-01-01"), dd("2024-01-02")}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := c.a.and(c.b)
			if ok != c.wantOK || (ok && got != c.want) {
				t.Errorf("%v and %v = %v, %v; want %v, %v", c.a, c.b, got, ok, c.want, c.wantOK)
			}
		})
	}
}

func TestUnion(t *testing.T) {
	s := func(a, b string) span {
		if b == "" {
			return span{dd(a), never}
		}
		return span{dd(a), dd(b)}
	}
	cases := []struct {
		name string
		in   []span
		want []span
	}{
		{"none", nil, nil},
		{"one", []span{s("2024-01-01", "")}, []span{s("2024-01-01", "")}},
		{"overlapping, out of order", []span{s("2024-03-01", "2024-09-01"), s("2024-01-01", "2024-05-01")}, []span{s("2024-01-01", "2024-09-01")}},
		{"touching merge", []span{s("2024-01-01", "2024-03-01"), s("2024-03-01", "2024-04-01")}, []span{s("2024-01-01", "2024-04-01")}},
		{"apart stay apart", []span{s("2024-05-01", ""), s("2024-01-01", "2024-03-01")}, []span{s("2024-01-01", "2024-03-01"), s("2024-05-01", "")}},
		{"inside an open one", []span{s("2020-01-01", ""), s("2024-01-01", "2024-03-01"), s("2025-01-01", "")}, []span{s("2020-01-01", "")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := union(c.in); !reflect.DeepEqual(got, c.want) {
				t.Errorf("union = %v, want %v", got, c.want)
			}
		})
	}
}

func TestStepsRows(t *testing.T) {
	row := func(on string, members, enrolled int64) Row {
		r := Row{On: date.MustParse(on), Counts: make([]int64, numColumns())}
		r.Counts[Members], r.Counts[Enrolled] = members, enrolled
		return r
	}
	cases := []struct {
		name string
		fill func(st steps)
		want []Row
	}{
		{"nothing", func(steps) {}, []Row{}},
		{"one open record", func(st steps) { st.add(Members, span{dd("2024-01-01"), never}) }, []Row{row("2024-01-01", 1, 0)}},
		{"a record ends, another starts the same day: no row for a net change of zero", func(st steps) {
			st.add(Members, span{dd("2024-01-01"), dd("2024-06-01")})
			st.add(Members, span{dd("2024-06-01"), never})
		}, []Row{row("2024-01-01", 1, 0)}},
		{"running total never falls", func(st steps) {
			st.add(Members, span{dd("2024-01-01"), dd("2024-06-01")})
			st.start(Enrolled, dd("2024-01-01"))
			st.start(Enrolled, dd("2024-03-01"))
		}, []Row{row("2024-01-01", 1, 1), row("2024-03-01", 1, 2), row("2024-06-01", 0, 2)}},
		{"an empty span counts nothing", func(st steps) { st.add(Members, span{dd("2024-01-01"), dd("2024-01-01")}) }, []Row{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := steps{}
			c.fill(st)
			if got := st.rows(); !reflect.DeepEqual(got, c.want) {
				t.Errorf("rows = %v, want %v", got, c.want)
			}
		})
	}
}

func TestDayRoundTrip(t *testing.T) {
	for _, s := range []string{"1970-01-01", "2000-02-29", "2024-12-31", "2099-06-15"} {
		if got := dd(s).date().String(); got != s {
			t.Errorf("%s → %s", s, got)
		}
	}
	if dayOf(date.Date{}) != never {
		t.Error("the zero date must be never (an open end)")
	}
}

func TestYearEnds(t *testing.T) {
	r := func(on string, n int64) Row {
		x := Row{On: date.MustParse(on), Counts: make([]int64, numColumns())}
		x.Counts[Members] = n
		return x
	}
	in := []Row{r("2023-02-01", 1), r("2023-12-31", 2), r("2024-01-01", 3), r("2024-05-01", 4), r("2026-03-01", 5)}
	later := func(x Row, year int) Row { x.Year = year; return x }
	cases := []struct {
		name  string
		in    []Row
		until int
		want  []Row
	}{
		{"none", nil, 2026, nil},
		{"the last row of each year, a year without a change repeating the one before", in, 2026,
			[]Row{r("2023-12-31", 2), r("2024-05-01", 4), later(r("2024-05-01", 4), 2025), r("2026-03-01", 5)}},
		{"repeated until the year asked for", in, 2028,
			[]Row{r("2023-12-31", 2), r("2024-05-01", 4), later(r("2024-05-01", 4), 2025), r("2026-03-01", 5),
				later(r("2026-03-01", 5), 2027), later(r("2026-03-01", 5), 2028)}},
		{"one row", []Row{r("2020-06-01", 7)}, 2020, []Row{r("2020-06-01", 7)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := yearEnds(c.in, c.until); !reflect.DeepEqual(got, c.want) {
				t.Errorf("yearEnds = %v, want %v", got, c.want)
			}
		})
	}
}
