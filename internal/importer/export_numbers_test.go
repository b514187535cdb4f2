package importer_test

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/importer"
	"dangjian/internal/testkit"
	"dangjian/internal/xlsx"
)

// TestDistrictExportImportsBack exports the demo district's members, units
// and posts and imports each file back into the database it came from:
// every row is found again, none refused. Units' party organisations share
// names with other organisations, so only the numbers an export writes
// beside the names (支部编号, 党组织/社区编号…) make this work.
func TestDistrictExportImportsBack(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		tw := testkit.New(t, dbh, testkit.Options{Demo: true})
		// As in a generated district: many units' organisations are just
		// 党支部, and units of one name stand in several communities.
		for _, q := range []string{
			"UPDATE party_org SET name = '党支部' WHERE unit_id IS NOT NULL",
			"UPDATE unit SET name = '房管所' WHERE id IN (SELECT MIN(unit_id) FROM unit_location WHERE to_on IS NULL GROUP BY area_id)",
		} {
			if _, err := dbh.Writer().ExecContext(context.Background(), q); err != nil {
				t.Fatal(err)
			}
		}
		rn := &importer.Runner{DB: dbh, People: tw.App.People}
		ctx := context.Background()
		for _, kind := range []string{"members", "units", "posts"} {
			for _, format := range []string{xlsx.FormatCSV, xlsx.FormatXLSX} {
				var buf bytes.Buffer
				n, err := rn.Export(ctx, &buf, importer.ExportOptions{Kind: kind, Format: format, Reveal: true, Lang: i18n.ZH})
				if err != nil || n == 0 {
					t.Fatalf("%s %s export: %d %v", kind, format, n, err)
				}
				res, err := rn.Import(ctx, bytes.NewReader(buf.Bytes()), int64(buf.Len()), "back."+format, kind, importer.Options{DryRun: true})
				if res == nil {
					t.Fatalf("%s %s import: %v", kind, format, err)
				}
				if len(res.Errors) != 0 || res.Rows != n {
					t.Fatalf("%s %s: %d rows exported, %d read back, %d refused, first: %v", kind, format, n, res.Rows, res.BadRows(), res.Errors)
				}
			}
		}
	})
}

// TestRowNumbersMustAgreeWithNames: a number beside a name finds its record
// only when it is a record of the scope of that name; a row edited in one
// column only is refused, not read two ways.
func TestRowNumbersMustAgreeWithNames(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		header := append(append([]string{}, memberHeader...), "支部编号")
		row := func(branch, no string) []string {
			return append(member("编号甲", "1970-05-06", 7, branch), no)
		}
		for _, tc := range []struct {
			name, branch, no, want string
		}{
			{"number and name agree", "迎宾社区党支部", strconv.FormatInt(w.ids["a1.org"], 10), ""},
			{"number of another branch", "迎宾社区党支部", strconv.FormatInt(w.ids["a2.org"], 10), "err.import_no_mismatch"},
			{"number of nothing", "迎宾社区党支部", "999999", "err.import_no_unknown"},
			{"number that is not one", "迎宾社区党支部", "x1", "err.import_number_invalid"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				res, err := w.run(t, ctx, "members", "csv", sheet(t, xlsx.FormatCSV, header, row(tc.branch, tc.no)), true)
				if res == nil {
					t.Fatal(err)
				}
				switch {
				case tc.want == "" && len(res.Errors) != 0:
					t.Errorf("refused: %v", res.Errors[0])
				case tc.want != "" && (len(res.Errors) != 1 || res.Errors[0].Column != "branch_no" || res.Errors[0].Key != tc.want):
					t.Errorf("errors %+v, want %s on 支部编号", res.Errors, tc.want)
				}
			})
		}
	})
}

// TestXLSXExportTooLargeIsRefusedFirst: an export larger than a sheet is
// refused before anything is written or audited, pointing to CSV.
func TestXLSXExportTooLargeIsRefusedFirst(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		var rows [][]string
		for i := range 3 {
			rows = append(rows, member("大表"+strconv.Itoa(i), "1970-05-06", i, "迎宾社区党支部"))
		}
		if _, err := w.run(t, ctx, "members", "csv", sheet(t, xlsx.FormatCSV, memberHeader, rows...), false); err != nil {
			t.Fatal(err)
		}
		defer importer.SetSheetRowsForTest(2)()
		var buf bytes.Buffer
		_, err := w.rn.Export(ctx, &buf, importer.ExportOptions{Kind: "members", Format: xlsx.FormatXLSX, Lang: i18n.ZH})
		var ie *i18n.Error
		if !errors.As(err, &ie) || ie.Key != "err.export_too_large_for_xlsx" || !strings.Contains(ie.In(i18n.ZH), "CSV") || buf.Len() != 0 {
			t.Fatalf("export of 3 rows with sheets of 2: %v (%d bytes)", err, buf.Len())
		}
		if n := w.count(t, "audit_entry WHERE action = 'export.members'"); n != 0 {
			t.Errorf("a refused export was audited %d times", n)
		}
		if n, err := w.rn.Export(ctx, &buf, importer.ExportOptions{Kind: "members", Format: xlsx.FormatCSV, Lang: i18n.ZH}); err != nil || n != 3 {
			t.Fatalf("CSV has no row limit: %d %v", n, err)
		}
	})
}
