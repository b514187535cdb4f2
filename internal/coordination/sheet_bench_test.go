package coordination_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"dangjian/internal/coordination"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/testkit"
	"dangjian/internal/xlsx"
)

// BenchmarkActionSheet measures, on SQLite, the export of 2,000 open
// actions (200 sessions of 10) as XLSX and the import of that sheet back:
// a dry run (every row checked, none changed) and a real run where every
// row changes (each a progress update; the transaction is rolled back by
// running it as a dry run too, so that every iteration starts alike).
func BenchmarkActionSheet(b *testing.B) {
	w := testkit.New(b, dbtest.Open(b, db.SQLite), testkit.Options{Today: d("2025-06-30")})
	s := w.App.Coordination
	ctx := context.Background()
	conf, err := s.CreateConference(ctx, coordination.ConferenceInput{Name: "基准联席会议", Kind: coordination.PartyBuilding, OrgID: w.ID("河东街道党委"), On: d("2020-01-01")})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 200 {
		in := coordination.SessionInput{ConferenceID: conf, HeldOn: d("2024-01-01").AddDays(i), Topic: fmt.Sprintf("议题%d", i)}
		for j := range 10 {
			in.Actions = append(in.Actions, coordination.ActionInput{Title: fmt.Sprintf("事项%d-%d", i, j), OwnerName: "街道城管科", DueOn: d("2025-12-31")})
		}
		if _, err := s.RecordSession(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
	var sheet bytes.Buffer
	n, err := s.ExportSheet(ctx, &sheet, xlsx.FormatXLSX, i18n.ZH, coordination.ActionFilter{})
	if err != nil || n != 2000 {
		b.Fatalf("export: %d rows, %v", n, err)
	}
	b.Run("export", func(b *testing.B) {
		for b.Loop() {
			var out bytes.Buffer
			if _, err := s.ExportSheet(ctx, &out, xlsx.FormatXLSX, i18n.ZH, coordination.ActionFilter{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("import-unchanged", func(b *testing.B) {
		for b.Loop() {
			res, err := s.ImportSheet(ctx, bytes.NewReader(sheet.Bytes()), int64(sheet.Len()), "actions.xlsx", true)
			if err != nil || res.Unchanged != n {
				b.Fatalf("import: %v %+v", err, res)
			}
		}
	})
	// Every row at 50 %.
	var csv bytes.Buffer
	wr, err := xlsx.NewWriter(&csv, xlsx.FormatCSV, coordination.ActionSheet, i18n.ZH)
	if err != nil {
		b.Fatal(err)
	}
	for id := 1; id <= n; id++ {
		if err := wr.Write([]string{fmt.Sprint(id), "", "", "", "", "", "推进中", "50"}); err != nil {
			b.Fatal(err)
		}
	}
	if err := wr.Close(); err != nil {
		b.Fatal(err)
	}
	b.Run("import-all-changed-dry-run", func(b *testing.B) {
		for b.Loop() {
			res, err := s.ImportSheet(ctx, bytes.NewReader(csv.Bytes()), int64(csv.Len()), "actions.csv", true)
			if err != nil || res.Changed != n {
				b.Fatalf("import: %v %+v", err, res)
			}
		}
	})
}
