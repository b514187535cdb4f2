package tally

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestWriteDays holds both ways of writing an area's day rows (by
// difference for a write's small batch, whole for a large one) to the same
// result: the table ends up holding exactly the new rows, whatever the old
// ones were, and the small batch inserts only the rows that changed.
func TestWriteDays(t *testing.T) {
	// Rows are "day:members,enrolled" with the other counts zero.
	cases := []struct {
		name     string
		old, new []string
		inserted int // by difference
	}{
		{"unchanged", []string{"2020-01-01:1,1", "2021-06-01:2,1"}, []string{"2020-01-01:1,1", "2021-06-01:2,1"}, 0},
		{"a row appended", []string{"2020-01-01:1,1"}, []string{"2020-01-01:1,1", "2026-12-07:2,2"}, 1},
		{"a row changed in the middle", []string{"2020-01-01:1,1", "2021-06-01:2,1", "2022-01-01:3,1"}, []string{"2020-01-01:1,1", "2021-06-01:5,1", "2022-01-01:3,1"}, 1},
		{"a row gone", []string{"2020-01-01:1,1", "2021-06-01:2,1"}, []string{"2021-06-01:2,1"}, 0},
		{"all replaced", []string{"2020-01-01:1,1"}, []string{"2019-01-01:1,0", "2020-01-02:1,1"}, 2},
		{"first rows", nil, []string{"2020-01-01:1,1"}, 1},
		{"every row gone", []string{"2020-01-01:1,1"}, nil, 0},
	}
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := d.Writer()
		for i := 1; i <= diffUpTo+1; i++ {
			if _, err := w.ExecContext(ctx, "INSERT INTO area (id, level, name, established_on) VALUES (?, 'community', ?, '2019-01-01')", i, fmt.Sprintf("社区%d", i)); err != nil {
				t.Fatal(err)
			}
		}
		// Recount the new areas now, so no flush at a later commit
		// rewrites what the cases write.
		if err := d.Tx(ctx, func(q db.Q) error { _, err := Flush(ctx, q); return err }); err != nil {
			t.Fatal(err)
		}
		for _, whole := range []bool{false, true} {
			for _, tc := range cases {
				t.Run(fmt.Sprintf("%s/whole=%v", tc.name, whole), func(t *testing.T) {
					const area = 1
					areas := []int64{area}
					if whole { // a batch past diffUpTo; its other areas hold nothing
						for i := int64(2); i <= diffUpTo+1; i++ {
							areas = append(areas, i)
						}
					}
					in, args := inList(areas)
					err := d.Tx(ctx, func(q db.Q) error {
						if _, err := q.ExecContext(ctx, "DELETE FROM tally"); err != nil {
							return err
						}
						if err := insertRows(ctx, q, "tally", tallyColumns(), dayRows(t, area, tc.old), false); err != nil {
							return err
						}
						n, err := writeDays(ctx, q, areas, in, args, dayRows(t, area, tc.new))
						if err != nil {
							return err
						}
						if want := tc.inserted; whole {
							want = len(tc.new)
							if n != want {
								t.Errorf("inserted %d rows, want %d", n, want)
							}
						} else if n != want {
							t.Errorf("inserted %d rows, want %d", n, want)
						}
						return nil
					})
					if err != nil {
						t.Fatal(err)
					}
					if got := readRows(t, d); !slices.Equal(got, tc.new) {
						t.Errorf("rows %q, want %q", got, tc.new)
					}
				})
			}
		}
	})
}

// dayRows parses "day:members,enrolled" rows of area.
func dayRows(t *testing.T, area int64, rows []string) []areaRow {
	t.Helper()
	var out []areaRow
	for _, r := range rows {
		on, counts, _ := strings.Cut(r, ":")
		c := make([]int64, numColumns())
		if _, err := fmt.Sscanf(counts, "%d,%d", &c[Members], &c[Enrolled]); err != nil {
			t.Fatal(err)
		}
		out = append(out, areaRow{area, Row{On: date.MustParse(on), Counts: c}})
	}
	return out
}

// readRows reads the whole tally table as dayRows writes it, checking the
// other counts are zero.
func readRows(t *testing.T, d *db.DB) []string {
	t.Helper()
	rows, err := d.Reader().QueryContext(context.Background(), "SELECT on_date, "+strings.Join(Columns(), ", ")+" FROM tally ORDER BY area_id, on_date")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var on date.Date
		c := make([]int64, numColumns())
		dst := []any{&on}
		for i := range c {
			dst = append(dst, &c[i])
		}
		if err := rows.Scan(dst...); err != nil {
			t.Fatal(err)
		}
		if slices.ContainsFunc(c[2:], func(n int64) bool { return n != 0 }) {
			t.Errorf("%s: counts %v, want zeros after the second", on, c)
		}
		out = append(out, fmt.Sprintf("%s:%d,%d", on, c[Members], c[Enrolled]))
	}
	return out
}
