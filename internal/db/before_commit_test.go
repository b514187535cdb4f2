package db_test

import (
	"context"
	"errors"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// hookKey marks the transactions the test hook acts on, so that it leaves
// the other tests of this package alone.
type hookKey struct{}

var errHook = errors.New("hook refused")

func init() {
	db.BeforeCommit(func(ctx context.Context, q db.Q) error {
		switch ctx.Value(hookKey{}) {
		case "write":
			_, err := q.ExecContext(ctx, "INSERT INTO area (level, name, established_on) VALUES ('district', 'hook', '2020-01-01')")
			return err
		case "refuse":
			return errHook
		}
		return nil
	})
}

// TestBeforeCommit: a hook runs in the transaction after its work (what it
// writes commits with it), its error rolls the whole transaction back, and
// a dry run (ErrRollback) does not run it.
func TestBeforeCommit(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		count := func(name string) int {
			var n int
			if err := d.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM area WHERE name = ?", name).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		insert := func(ctx context.Context, name string, end error) error {
			return d.Tx(ctx, func(q db.Q) error {
				if _, err := q.ExecContext(ctx, "INSERT INTO area (level, name, established_on) VALUES ('district', ?, '2020-01-01')", name); err != nil {
					return err
				}
				return end
			})
		}
		if err := insert(context.WithValue(context.Background(), hookKey{}, "write"), "work", nil); err != nil {
			t.Fatal(err)
		}
		if count("work") != 1 || count("hook") != 1 {
			t.Errorf("after a hook that writes: work %d, hook %d rows; want 1 and 1", count("work"), count("hook"))
		}
		if err := insert(context.WithValue(context.Background(), hookKey{}, "refuse"), "refused", nil); !errors.Is(err, errHook) {
			t.Errorf("a refusing hook: err = %v", err)
		}
		if count("refused") != 0 {
			t.Error("the work of a transaction whose hook refused was committed")
		}
		if err := insert(context.WithValue(context.Background(), hookKey{}, "write"), "dry", db.ErrRollback); err != nil {
			t.Fatal(err)
		}
		if count("dry") != 0 || count("hook") != 1 {
			t.Errorf("a dry run: dry %d, hook %d rows; want 0 and 1", count("dry"), count("hook"))
		}
	})
}
