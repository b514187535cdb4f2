package figures_test

import (
	"strings"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/figures"
)

// TestGroupedSQL: a query with the scope only in Under's join takes the
// grouped form; one with the scope used elsewhere, or grouping its own
// rows, does not (the workbook's tests check the registered figures).
func TestGroupedSQL(t *testing.T) {
	cases := []struct {
		sql string
		ok  bool
	}{
		{"SELECT a.id AS id FROM area a\nJOIN area_closure sc ON sc.descendant_id = a.id AND sc.ancestor_id = ?1", true},
		{"SELECT a.id AS id FROM area a WHERE a.id IN (SELECT sc.descendant_id FROM area_closure sc WHERE sc.ancestor_id = ?1)", false},
		{"SELECT a.id AS id FROM area a\nJOIN area_closure sc ON sc.descendant_id = a.id AND sc.ancestor_id = ?1 WHERE a.id <> ?1", false},
		{"SELECT DISTINCT a.id AS id FROM area a\nJOIN area_closure sc ON sc.descendant_id = a.id AND sc.ancestor_id = ?1", false},
		{"SELECT a.id AS id FROM area a\nJOIN area_closure sc ON sc.descendant_id = a.id AND sc.ancestor_id = ?1 GROUP BY a.id", false},
	}
	for _, c := range cases {
		got, ok := figures.GroupedSQL(c.sql, []int64{7, 9})
		if ok != c.ok {
			t.Errorf("%q: ok %v", c.sql, ok)
		}
		if ok && !strings.Contains(got, "sc.ancestor_id AS sub_id") || ok && !strings.Contains(got, "IN (7, 9)") {
			t.Errorf("%q: %s", c.sql, got)
		}
	}
}

func TestYearBefore(t *testing.T) {
	cases := []struct{ from, to, wantFrom, wantTo string }{
		{"2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31"},
		{"2024-02-29", "2024-02-29", "2023-02-28", "2023-02-28"},
		{"2023-03-01", "2024-02-29", "2022-03-01", "2023-02-28"},
	}
	for _, c := range cases {
		s := figures.YearBefore(figures.Scope{AreaID: 7, From: date.MustParse(c.from), To: date.MustParse(c.to)})
		if s.From.String() != c.wantFrom || s.To.String() != c.wantTo || s.AreaID != 7 {
			t.Errorf("%s–%s a year earlier = %s–%s", c.from, c.to, s.From, s.To)
		}
	}
}
