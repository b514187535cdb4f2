package report_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
)

// TestSpeechPartThreeComesFromData changes the demo's records under part
// three and sees its sentences change: the shares' amounts, the room kinds
// named, the three-lacks counts.
func TestSpeechPartThreeComesFromData(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s := demoStore(t, dbh)
		part3 := func() string {
			md := fill(t, dbh, s, i18n.ZH, "", "2020-01-01", "2024-12-31").Markdown()
			i := strings.Index(md, "## 三、")
			if i < 0 {
				t.Fatalf("no part three in\n%s", md)
			}
			j := strings.Index(md[i:], "\n## ")
			if j < 0 {
				return md[i:]
			}
			return md[i : i+j]
		}
		before := part3()
		for _, want := range []string{"示范区30个居委中有7个是“三无居委”", "即市出一点（42万元）、区出一点（33万元）", "先后帮助4个“三无”社区居委", "党员活动室、电教室、健身室和图书馆等", "尚有2个“三无居委”"} {
			if !strings.Contains(before, want) {
				t.Errorf("part three lacks %q:\n%s", want, before)
			}
		}
		for _, stmt := range []string{
			// Another 0.5 万元 from the city to a project funded in the period.
			"UPDATE project_funding SET amount = amount + 500000 WHERE id = (SELECT MIN(id) FROM project_funding WHERE source = 'city' AND received_on >= '2020-01-01' AND received_on <= '2024-12-31')",
			// No library and no fitness room any more.
			"UPDATE room SET kind = 'meeting' WHERE kind IN ('library', 'fitness')",
			// 古井社区 gets land at the start of the period: no longer three-lacks.
			"INSERT INTO economic_land (area_id, land_area, location, from_on) SELECT id, 100000, '古井路', '2019-06-01' FROM area WHERE name = '古井社区'",
		} {
			if _, err := dbh.Writer().ExecContext(ctx, stmt); err != nil {
				t.Fatal(err)
			}
		}
		after := part3()
		for _, want := range []string{"示范区30个居委中有6个是“三无居委”", "即市出一点（42万多元）", "建起了党员活动室和电教室等", "尚有1个“三无居委”"} {
			if !strings.Contains(after, want) {
				t.Errorf("after the changes, part three lacks %q:\n%s", want, after)
			}
		}
		if strings.Contains(after, "图书馆") || strings.Contains(after, "健身室") {
			t.Errorf("after the changes, part three still names a library or fitness room:\n%s", after)
		}
	})
}
