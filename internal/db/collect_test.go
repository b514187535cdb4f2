package db_test

import (
	"context"
	"database/sql"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

func TestCollect(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		rows, err := d.Reader().QueryContext(ctx, "SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3")
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.Collect(rows, func(r *sql.Rows) (int, error) {
			var n int
			return n, r.Scan(&n)
		})
		if err != nil || len(got) != 3 || got[0]+got[1]+got[2] != 6 {
			t.Errorf("Collect = %v, %v", got, err)
		}
	})
}
