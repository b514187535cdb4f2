package report_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
)

// partFour cuts part four out of a speech.
func partFour(t *testing.T, md string) string {
	t.Helper()
	for _, h := range []string{"## 四、", "## 4. "} {
		if i := strings.Index(md, h); i >= 0 {
			if j := strings.Index(md[i+len(h):], "\n## "); j >= 0 {
				return md[i : i+len(h)+j]
			}
			return md[i:]
		}
	}
	t.Fatalf("no part four in\n%s", md)
	return ""
}

// TestSpeechPartFourTellsTheSeedsStories: the demo's part four tells the
// seed's four stories (迎宾一巷's road, the courtyard on 宾南路, the drains
// the 房管所 paid for, the stairwells) from the records, for last year and
// for the last five years, with no ×××; renaming the road's project and a
// unit renames them in the speech, and a larger saving elsewhere tells
// another project first.
func TestSpeechPartFourTellsTheSeedsStories(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		ctx := context.Background()
		s := demoStore(t, dbh)
		part4 := func(l i18n.Lang, from, to string) string {
			return partFour(t, fill(t, dbh, s, l, "", from, to).Markdown())
		}
		stories := []string{
			"如迎宾社区居民反映“迎宾一巷道路未硬底化，雨天泥泞、晴天扬尘”，居民意见很大，4年来一直无法整治。",
			"最后，示范市规划局、示范市规划设计院、示范市供水公司迎宾营业所等免费提供服务，受益单位示范市委党校、示范市房管所、示范区房管所等提供土地、资金，不到一个月便完成了“迎宾一巷道路硬化”，节约资金23万多元。",
			"迎宾一巷六个单位的居民代表给居委送来两面“共建、共治、共创、共享”锦旗",
			"涉及示范区人民医院、示范市房管所、示范区房管所等5个单位，宾南社区党支部出面做通单位和居民工作，共同出资6万多元",
			"宾南社区党支部出面做好示范区房管所的协调工作，使该单位出资12万多元整治（疏通排水管道300米）",
			"2024年11月，宾南社区党支部筹集资金8000元，完成了“楼道卫生死角清理”，清理楼梯360多个，深受群众好评和支持。",
		}
		for _, p := range [][2]string{{"2024-01-01", "2024-12-31"}, {"2020-01-01", "2024-12-31"}} {
			got := part4(i18n.ZH, p[0], p[1])
			for _, want := range stories {
				if !strings.Contains(got, want) {
					t.Errorf("part four of %s..%s lacks %q:\n%s", p[0], p[1], want, got)
				}
			}
			for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
				if got := part4(l, p[0], p[1]); strings.Contains(got, "×") || strings.Contains(got, "{{") {
					t.Errorf("part four (%s, %s..%s) holds ××× or {{:\n%s", l, p[0], p[1], got)
				}
			}
		}
		en := part4(i18n.EN, "2024-01-01", "2024-12-31")
		for _, want := range []string{"was done in under a month, saving more than 230,000 yuan", "two banners reading “共建、共治、共创、共享”", "which paid more than 120,000 yuan"} {
			if !strings.Contains(en, want) {
				t.Errorf("part four (en) lacks %q:\n%s", want, en)
			}
		}
		// This year's projects are this year's stories.
		if got := part4(i18n.ZH, "2025-01-01", "2025-06-30"); !strings.Contains(got, "望江路排水沟改造") || strings.Contains(got, "迎宾一巷道路硬化") {
			t.Errorf("part four of this year:\n%s", got)
		}

		for _, stmt := range []string{
			"UPDATE co_project SET title = '迎宾一巷路面改造' WHERE title = '迎宾一巷道路硬化'",
			"UPDATE unit SET name = '示范区房产管理所' WHERE name = '示范区房管所'",
			// 东湖's square, four years back, saved 24万 more: it is told first.
			"UPDATE co_project SET estimated_cost = estimated_cost + 24000000 WHERE title = '东湖社区健身广场'",
		} {
			if _, err := dbh.Writer().ExecContext(ctx, stmt); err != nil {
				t.Fatal(err)
			}
		}
		got := part4(i18n.ZH, "2024-01-01", "2024-12-31")
		for _, want := range []string{"完成了“迎宾一巷路面改造”", "示范市房管所、示范区房产管理所等", "出面做好示范区房产管理所的协调工作"} {
			if !strings.Contains(got, want) {
				t.Errorf("after renaming, part four lacks %q:\n%s", want, got)
			}
		}
		for _, gone := range []string{"迎宾一巷道路硬化", "示范区房管所"} {
			if strings.Contains(got, gone) {
				t.Errorf("after renaming, part four still says %q:\n%s", gone, got)
			}
		}
		five := part4(i18n.ZH, "2020-01-01", "2024-12-31")
		if !strings.Contains(five, "如东湖社区居民反映“缺少居民健身场地”") || !strings.Contains(five, "节约资金28万元") {
			t.Errorf("with 东湖's square saving most, part four of five years:\n%s", five)
		}
	})
}
