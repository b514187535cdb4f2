package tally_test

import (
	"context"
	"fmt"
	"testing"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/tally"
)

// TestTriggersMarkAndFlushRecounts writes source rows with plain SQL (as an
// operator's script would), and checks that the triggers mark what they
// touch, that the figures' guard sees it, and that Flush recounts the right
// areas and empties the marks, on both engines.
func TestTriggersMarkAndFlushRecounts(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		exec := func(q db.Q, query string, args ...any) {
			t.Helper()
			if _, err := q.ExecContext(ctx, query, args...); err != nil {
				t.Fatalf("%s: %v", query, err)
			}
		}
		w := d.Writer()
		exec(w, "INSERT INTO area (id, level, name, established_on) VALUES (1, 'district', '测试区', '2020-01-01'), (2, 'community', '甲社区', '2020-01-01'), (3, 'community', '乙社区', '2020-01-01')")
		exec(w, "INSERT INTO party_org (id, name, kind, area_id, started_on) VALUES (10, '甲社区党支部', 'branch', 2, '2020-01-01')")
		exec(w, "INSERT INTO unit (id, name, kind, rank, started_on) VALUES (20, '某单位', 'state_enterprise', 'none', '2020-01-01')")
		exec(w, "INSERT INTO party_org (id, name, kind, unit_id, started_on) VALUES (21, '某单位党支部', 'branch', 20, '2020-01-01')")
		exec(w, "INSERT INTO person (id, name, gender) VALUES (100, '甲', 'male'), (101, '乙', 'female')")
		flush(t, d) // the unit's location is not there yet: nothing to count

		exec(w, "INSERT INTO unit_location (unit_id, area_id, from_on, to_on) VALUES (20, 3, '2020-01-01', '2024-01-01'), (20, 2, '2024-01-01', NULL)")
		exec(w, "INSERT INTO membership (id, person_id, org_id, status, category, joined_party_on, from_on, start_reason) VALUES (1, 100, 10, 'full', 'resident', '2000-01-01', '2022-03-01', 'enrolment')")
		exec(w, "INSERT INTO membership (id, person_id, org_id, status, category, joined_party_on, from_on, start_reason) VALUES (2, 101, 21, 'full', 'in_service', '2000-01-01', '2021-01-01', 'other')")
		if clean, err := tally.Clean(ctx, d.Reader()); err != nil || clean {
			t.Fatalf("after plain inserts Clean = %v, %v; want false", clean, err)
		}
		if n := flush(t, d); n != 2 {
			t.Errorf("recounted %d areas, want 2 (甲, and 乙 where the unit was)", n)
		}
		want := map[int64][]string{
			// 甲: the branch's member from 2022-03-01 (enrolled), the unit
			// and its member from 2024-01-01.
			2: {"2022-03-01 m1 e1 u0", "2024-01-01 m2 e1 u1"},
			// 乙: the unit from 2020, its member from 2021, both gone in 2024.
			3: {"2020-01-01 m0 e0 u1", "2021-01-01 m1 e0 u1", "2024-01-01 m0 e0 u0"},
		}
		checkRows(t, d, want)

		// Ending a membership marks its organisation; moving nothing else.
		exec(w, "UPDATE membership SET to_on = '2025-01-01', end_reason = 'left' WHERE id = 1")
		if n := flush(t, d); n != 1 {
			t.Errorf("recounted %d areas, want 1", n)
		}
		want[2] = []string{"2022-03-01 m1 e1 u0", "2024-01-01 m2 e1 u1", "2025-01-01 m1 e1 u1"}
		checkRows(t, d, want)

		// A row deleted by hand (the application deletes nothing) is noted too.
		exec(w, "DELETE FROM membership WHERE id = 1")
		if n := flush(t, d); n != 1 {
			t.Errorf("recounted %d areas after a delete, want 1", n)
		}
		want[2] = []string{"2024-01-01 m1 e0 u1"}
		checkRows(t, d, want)
		exec(w, "INSERT INTO membership (id, person_id, org_id, status, category, joined_party_on, from_on, to_on, start_reason, end_reason) VALUES (1, 100, 10, 'full', 'resident', '2000-01-01', '2022-03-01', '2025-01-01', 'enrolment', 'left')")
		flush(t, d)

		// Ending the unit marks every place it has been.
		exec(w, "UPDATE unit SET ended_on = '2025-06-01' WHERE id = 20")
		if n := flush(t, d); n != 2 {
			t.Errorf("recounted %d areas, want 2", n)
		}
		want[2] = []string{"2022-03-01 m1 e1 u0", "2024-01-01 m2 e1 u1", "2025-01-01 m1 e1 u1", "2025-06-01 m1 e1 u0"}
		checkRows(t, d, want)
	})
}

func flush(t *testing.T, d *db.DB) int {
	t.Helper()
	var n int
	err := d.Tx(context.Background(), func(q db.Q) (err error) {
		n, err = tally.Flush(context.Background(), q)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if clean, err := tally.Clean(context.Background(), d.Reader()); err != nil || !clean {
		t.Fatalf("after Flush Clean = %v, %v", clean, err)
	}
	return n
}

// checkRows compares the tally rows of the areas in want, written as
// "date m<members> e<enrolled> u<units>".
func checkRows(t *testing.T, d *db.DB, want map[int64][]string) {
	t.Helper()
	for area, rows := range want {
		got, err := d.Reader().QueryContext(context.Background(), "SELECT on_date, members, enrolled, units FROM tally WHERE area_id = ? ORDER BY on_date", area)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for got.Next() {
			var on date.Date
			var m, e, u int
			if err := got.Scan(&on, &m, &e, &u); err != nil {
				t.Fatal(err)
			}
			lines = append(lines, fmtRow(on, m, e, u))
		}
		got.Close()
		if len(lines) != len(rows) {
			t.Errorf("area %d rows %q, want %q", area, lines, rows)
			continue
		}
		for i := range rows {
			if lines[i] != rows[i] {
				t.Errorf("area %d rows %q, want %q", area, lines, rows)
				break
			}
		}
	}
}

func fmtRow(on date.Date, m, e, u int) string {
	return fmt.Sprintf("%s m%d e%d u%d", on, m, e, u)
}
