package app_test

import (
	"context"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/testkit"
)

// BenchmarkComputeAllDemo computes every figure of the demo district for
// a year: small queries, where a per-query cost such as the metrics'
// histogram (dangjian_figure_compute_seconds) weighs the most.
//
//	go test ./internal/app -run '^$' -bench ComputeAllDemo -count 5
func BenchmarkComputeAllDemo(b *testing.B) {
	ctx := context.Background()
	d := dbtest.Open(b, db.SQLite)
	w := testkit.New(b, d, testkit.Options{Demo: true})
	root, err := w.App.Areas.Root(ctx)
	if err != nil {
		b.Fatal(err)
	}
	s := figures.Scope{AreaID: root.ID, From: w.Today.AddDays(-365), To: w.Today}
	for b.Loop() {
		if _, err := figures.ComputeAll(ctx, d.Reader(), s, i18n.ZH); err != nil {
			b.Fatal(err)
		}
	}
}
