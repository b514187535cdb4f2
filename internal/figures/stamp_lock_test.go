package figures_test

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestWritersTakeTheirLocksInOneOrder runs a transaction that appends to
// the audit trail before it writes a domain row (as a member brought in by
// ID number does: the lookup is audited first) beside one that writes a
// domain row first and audits it after. Before migration 0032 the first
// held the writers' lock and waited for the data stamp's row, the second
// held the row and waited for the lock, and PostgreSQL broke the deadlock
// by failing one of them.
func TestWritersTakeTheirLocksInOneOrder(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		audited := make(chan struct{})
		errs := make(chan error, 2)
		go func() {
			errs <- d.Tx(ctx, func(q db.Q) error {
				if err := audit.Append(ctx, q, audit.Entry{Action: "test.audit_first"}); err != nil {
					return err
				}
				close(audited)
				// Give the other transaction time to write its row.
				time.Sleep(300 * time.Millisecond)
				_, err := q.ExecContext(ctx, "INSERT INTO area (id, level, name, established_on) VALUES (1, 'district', '甲区', '2020-01-01')")
				return err
			})
		}()
		<-audited
		go func() {
			errs <- d.Tx(ctx, func(q db.Q) error {
				if _, err := q.ExecContext(ctx, "INSERT INTO area (id, level, name, established_on) VALUES (2, 'district', '乙区', '2020-01-01')"); err != nil {
					return err
				}
				return audit.Append(ctx, q, audit.Entry{Action: "test.row_first"})
			})
		}()
		for range 2 {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
		var n int
		if err := d.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM area").Scan(&n); err != nil || n != 2 {
			t.Errorf("areas = %d, %v; want both written", n, err)
		}
	})
}
