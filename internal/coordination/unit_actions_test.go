package coordination_test

import (
	"context"
	"errors"
	"testing"

	"dangjian/internal/access"
	"dangjian/internal/coordination"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// TestUnitActions: a unit's own actions, and a progress update through the
// unit refused for an action another unit or a department owns.
func TestUnitActions(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartTwo(t, dbh)
		p.build()
		ctx := context.Background()
		ids := p.actionIDs()
		u1, u2 := p.units["U1 房管所"], p.units["U2 党校"]

		list := func(ctx context.Context, unit int64) []string {
			t.Helper()
			as, err := p.s.UnitActions(ctx, unit)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, a := range as {
				out = append(out, a.Title)
			}
			return out
		}
		if got := list(ctx, u2); len(got) != 1 || got[0] != "a4" {
			t.Errorf("U2's actions: %v, want [a4]", got)
		}
		if got := list(ctx, u1); len(got) != 0 {
			t.Errorf("U1 owns nothing: %v", got)
		}
		if got := list(access.WithScope(ctx, p.ID("河东街道")), u2); len(got) != 1 {
			t.Errorf("河东 sees U2's actions: %v", got)
		}
		if _, err := p.s.UnitActions(access.WithScope(ctx, p.ID("官渡街道")), u2); !errors.Is(err, fault.OutOfScope) {
			t.Errorf("官渡 reads a 河东 unit's actions: %v", err)
		}

		up := coordination.UpdateInput{On: d("2025-01-10"), Progress: 40, Note: "进场施工"}
		for _, tc := range []struct {
			name   string
			unit   int64
			action string
			class  error
		}{
			{"another unit's action", u1, "a4", fault.NotFound},
			{"a department's action", u2, "a3", fault.NotFound},
			{"no unit", 0, "a4", fault.NotFound},
		} {
			in := up
			in.ActionID = ids[tc.action]
			err := p.s.UpdateUnitAction(ctx, tc.unit, in)
			var e *i18n.Error
			if !errors.Is(err, tc.class) || !errors.As(err, &e) || (e.Field != "action_id" && e.Field != "unit_id") {
				t.Errorf("%s: %v", tc.name, err)
			}
		}
		in := up
		in.ActionID = ids["a4"]
		p.ok(p.s.UpdateUnitAction(ctx, u2, in))
		var progress, updates int
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT progress, (SELECT COUNT(*) FROM action_update WHERE action_id = ?1) FROM agreed_action WHERE id = ?1", ids["a4"]).Scan(&progress, &updates))
		if progress != 40 || updates != 1 {
			t.Errorf("a4 after the unit's update: %d%%, %d updates; want 40%%, 1", progress, updates)
		}
		var untouched int
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM action_update WHERE action_id = ?", ids["a3"]).Scan(&untouched))
		if untouched != 0 {
			t.Errorf("a3 was updated through a unit that does not own it: %d updates", untouched)
		}
	})
}
