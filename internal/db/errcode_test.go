package db_test

import (
	"context"
	"errors"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/fault"
)

// TestConstraintErrorsMapByCode checks that a duplicate key becomes
// ErrConflict (fault.Conflict) on both engines, inside and outside a
// transaction, and that other constraint failures do not.
func TestConstraintErrorsMapByCode(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		w := d.Writer()
		if _, err := w.ExecContext(ctx, "CREATE TABLE errcode_t (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE, n INTEGER CHECK (n > 0))"); err != nil {
			t.Fatal(err)
		}
		if _, err := w.ExecContext(ctx, "INSERT INTO errcode_t (id, k, n) VALUES (1, 'a', 1)"); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name     string
			stmt     string
			conflict bool
		}{
			{"unique", "INSERT INTO errcode_t (id, k, n) VALUES (2, 'a', 1)", true},
			{"primary key", "INSERT INTO errcode_t (id, k, n) VALUES (1, 'b', 1)", true},
			{"check", "INSERT INTO errcode_t (id, k, n) VALUES (3, 'c', 0)", false},
			{"not null", "INSERT INTO errcode_t (id, k, n) VALUES (4, NULL, 1)", false},
		}
		for _, c := range cases {
			_, err := w.ExecContext(ctx, c.stmt)
			if err == nil {
				t.Fatalf("%s: no error", c.name)
			}
			if got := errors.Is(err, fault.Conflict); got != c.conflict {
				t.Errorf("%s: conflict = %v, want %v (%v)", c.name, got, c.conflict, err)
			}
			if got := db.IsUniqueViolation(err); got != c.conflict {
				t.Errorf("%s: IsUniqueViolation = %v, want %v", c.name, got, c.conflict)
			}
			err = d.Tx(ctx, func(tx db.Q) error {
				_, err := tx.ExecContext(ctx, c.stmt)
				return err
			})
			if got := errors.Is(err, fault.Conflict); got != c.conflict {
				t.Errorf("%s in a transaction: conflict = %v, want %v (%v)", c.name, got, c.conflict, err)
			}
		}
	})
}
