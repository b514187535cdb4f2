package cobuilding_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/cobuilding"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/speech"
)

// speechProjects adds to partFour.projects the projects of 官渡社区 done in
// the first half of 2025, built for ties:
//
//	P3 官渡下水道疏通  done 2025-01-15, saved 1万, U4 money 12万 (from projects)
//	P6 官渡路灯维修    2025-01-10 → 2025-01-15, saved 1万 (ties P3: P3 has the smaller id), U4 labour
//	P7 官渡绿化        2025-02-01 → 2025-03-01, saved 0, U4 money 5万 and land
//	P8 官渡楼道清理    2025-03-01 → 2025-04-30, U4 money 5万 (ties P7: P7 was done first), result 楼梯 345 个
//	P9 官渡小路修补    2025-04-01 → 2025-04-30, result 道路 50 米 (done the day P8 was; P8 has the smaller id)
func (p *partFour) speechProjects() map[string]int64 {
	ctx := context.Background()
	ids := p.projects()
	p.Org("官渡社区党支部", "官渡社区", area.Branch, d("2016-01-01"))
	ids["P6"] = p.project("官渡路灯维修", "官渡社区", "官渡街道党工委", "2025-01-10", wan(3))
	p.give(ids["P6"], "U4 供电所", "labour", wan(0.5), "2025-01-12")
	p.done(ids["P6"], "官渡路灯维修", wan(3), wan(2), "2025-01-15")
	ids["P7"] = p.project("官渡绿化", "官渡社区", "官渡街道党工委", "2025-02-01", wan(1))
	p.give(ids["P7"], "U4 供电所", cobuilding.Money, wan(5), "2025-02-02")
	p.give(ids["P7"], "U4 供电所", "land", wan(2), "2025-02-03")
	p.done(ids["P7"], "官渡绿化", wan(1), wan(1), "2025-03-01")
	stairs := p.demand("官渡楼道垃圾堆积", "官渡社区", "sanitation", "2025-02-15")
	ids["P8"] = p.project("官渡楼道清理", "官渡社区", "官渡社区党支部", "2025-03-01", 0, stairs)
	p.give(ids["P8"], "U4 供电所", cobuilding.Money, wan(5), "2025-03-02")
	p.must(p.s.AddResult(ctx, cobuilding.ResultInput{ProjectID: ids["P8"], Name: "楼梯", Quantity: 345, Unit: "个"}))
	p.done(ids["P8"], "官渡楼道清理", 0, 0, "2025-04-30")
	p.thank(ids["P8"], "rating", "官渡居民", "2025-05-01")
	ids["P9"] = p.project("官渡小路修补", "官渡社区", "官渡社区党支部", "2025-04-01", 0)
	p.must(p.s.AddResult(ctx, cobuilding.ResultInput{ProjectID: ids["P9"], Name: "道路", Quantity: 50, Unit: "米"}))
	p.done(ids["P9"], "官渡小路修补", 0, 0, "2025-04-30")
	return ids
}

// slotWant is what a slot should tell: the project (by its name in the
// dataset, "" for no record) and some of its fields.
type slotWant struct {
	project string
	fields  map[string]string
}

// TestSpeechSlots: each example slot of part four against the hand-built
// dataset, by scope and period, with the answers written here. P2 runs
// across 2023 and 2024 (told in 2024, when it was done); P3 across 2024 and
// 2025; the ties of 官渡 in 2025 are broken as speech.go documents.
func TestSpeechSlots(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		ids := p.speechProjects()
		for _, tc := range []struct {
			scope, from, to string
			lang            i18n.Lang
			want            map[string]slotWant
		}{
			{"示范区", "2024-01-01", "2024-12-31", i18n.ZH, map[string]slotWant{
				"most_saved": {"P1", map[string]string{"title": "迎宾一巷道路硬化", "community": "迎宾社区", "org": "迎宾社区党支部",
					"demand": "迎宾一巷道路破损", "waited": "4", "took": "不到一个月便", "saved": "20万元", "month": "2024年3月",
					"departments": "市规划设计院", "givers": "U1 房管所、U2 党校", "gave": "土地、资金", "money": "10万元",
					"units": "2", "unit_names": "U1 房管所、U2 党校", "banners": "两面", "thankers": "迎宾一巷居民、迎宾社区老年协会",
					"banner_words": "", "results": "道路800米", "measure": "道路800米", "praised": "1"}},
				// P1 is told above; P2 has three units, P4 none.
				"most_units": {"P2", map[string]string{"title": "宾南路大院整治", "community": "宾南社区", "units": "3",
					"unit_names": "U2 党校、U6 水厂、U1 房管所", "money": "8万元", "took": "用八个多月", "saved": "", "banners": "一面",
					"departments": "", "demand": "宾南路大院脏乱", "waited": "2"}},
				// No money from a unit to P4, the one left; no result either.
				"largest_money":  {},
				"result_measure": {},
			}},
			{"示范区", "2024-01-01", "2024-12-31", i18n.EN, map[string]slotWant{
				"most_saved": {"P1", map[string]string{"took": "in under a month", "saved": "200,000 yuan", "banners": "two banners",
					"givers": "U1 房管所 and U2 党校", "gave": "land and money", "month": "March 2024", "results": "道路 800 米"}},
				"most_units": {"P2", map[string]string{"took": "in just over eight months", "banners": "a banner", "money": "80,000 yuan"}},
			}},
			// U6 moved from 官渡 to 宾南 in May 2024 and then gave to P2: it
			// is one of P2's units under 河东街道.
			{"河东街道", "2024-01-01", "2024-12-31", i18n.ZH, map[string]slotWant{
				"most_saved": {"P1", nil},
				"most_units": {"P2", map[string]string{"units": "3", "unit_names": "U2 党校、U6 水厂、U1 房管所"}}}},
			// 宾南社区 alone: P2 saved nothing, so most_saved is left out and
			// most_units still tells P2.
			{"宾南社区", "2024-01-01", "2024-12-31", i18n.ZH, map[string]slotWant{
				"most_saved": {}, "most_units": {"P2", nil}, "largest_money": {}, "result_measure": {}}},
			// P2 is not done yet in 2023; its banner of 2023 does not make it a story.
			{"示范区", "2023-01-01", "2023-12-31", i18n.ZH, map[string]slotWant{
				"most_saved": {}, "most_units": {}, "largest_money": {}, "result_measure": {}}},
			// 迎宾社区 alone: P1 saved most; P4 saved too but has no unit, no result.
			{"迎宾社区", "2024-01-01", "2024-12-31", i18n.ZH, map[string]slotWant{
				"most_saved": {"P1", nil}, "most_units": {}, "largest_money": {}, "result_measure": {}}},
			// 迎宾社区 from April: P1 (done in March) is out, P4 saved 0.5万.
			{"迎宾社区", "2024-04-01", "2024-12-31", i18n.ZH, map[string]slotWant{
				"most_saved": {"P4", map[string]string{"saved": "5000元", "took": "用一个多月", "departments": "", "givers": "", "units": "", "banners": "", "praised": "1", "demand": ""}},
				"most_units": {}}},
			// P3 started in 2024 and is done in 2025: told in 2025, not in 2024.
			{"官渡街道", "2024-01-01", "2024-12-31", i18n.ZH, map[string]slotWant{
				"most_saved": {}, "most_units": {}, "largest_money": {}, "result_measure": {}}},
			// Ties: P3 and P6 saved 1万 each and were done the same day (P3,
			// the smaller id); P6, P7 and P8 have one unit each (P6, done
			// first); P7 and P8 got 5万 from U4 (P7, done first); P8 and P9
			// were done last, the same day (P8, the smaller id).
			{"官渡街道", "2025-01-01", "2025-06-30", i18n.ZH, map[string]slotWant{
				"most_saved":    {"P3", map[string]string{"saved": "1万元", "took": "用十一个多月", "banners": "一面", "money": "12万元"}},
				"most_units":    {"P6", map[string]string{"units": "1", "unit_names": "U4 供电所", "money": ""}},
				"largest_money": {"P7", map[string]string{"unit": "U4 供电所", "amount": "5万元", "givers": "U4 供电所", "gave": "土地、资金"}},
				"result_measure": {"P8", map[string]string{"measure": "楼梯340多个", "results": "楼梯345个", "month": "2025年4月", "org": "官渡社区党支部",
					"took": "用一个多月", "praised": "1", "demand": "官渡楼道垃圾堆积", "waited": ""}},
			}},
			// P5 was done in 河滨社区 before 河滨 was merged into 宾南: named as it was.
			{"河东街道", "2022-01-01", "2022-12-31", i18n.ZH, map[string]slotWant{
				"most_saved": {"P5", map[string]string{"community": "河滨社区", "took": "用两个月", "saved": "1万元", "demand": "", "praised": ""}},
				"most_units": {}}},
		} {
			t.Run(fmt.Sprintf("%s %s..%s %s", tc.scope, tc.from, tc.to, tc.lang), func(t *testing.T) {
				s := figures.Scope{AreaID: p.ID(tc.scope), AreaName: tc.scope, From: d(tc.from), To: d(tc.to)}
				for rule, want := range tc.want {
					f, err := speech.GetRule(rule).Find(context.Background(), dbh.Reader(), s, tc.lang)
					if err != nil {
						t.Fatalf("%s: %v", rule, err)
					}
					if want.project == "" {
						if f != nil {
							t.Errorf("%s tells %s, want nothing", rule, f["title"].Text)
						}
						continue
					}
					if f == nil {
						t.Errorf("%s tells nothing, want %s", rule, want.project)
						continue
					}
					if link := fmt.Sprintf("/co-projects/%d", ids[want.project]); f["title"].Link != link {
						t.Errorf("%s tells %s (%s), want %s (%s)", rule, f["title"].Text, f["title"].Link, want.project, link)
					}
					for k, v := range want.fields {
						got := f[k]
						if v == "" {
							if !got.Zero && got.Text != "" {
								t.Errorf("%s.%s = %q, want none", rule, k, got.Text)
							}
							continue
						}
						if got.Text != v || got.Zero {
							t.Errorf("%s.%s = %q (zero %v), want %q", rule, k, got.Text, got.Zero, v)
						}
					}
				}
			})
		}
	})
}

// TestSpeechPartFour renders part four of the default template over the
// dataset: the stories of 2024 are told in the seed's words, the slots with
// no project are left out, and renaming a unit renames it in the speech.
func TestSpeechPartFour(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		p.speechProjects()
		part4 := func(lang i18n.Lang, scope, from, to string) string {
			tpl, err := report.LoadTemplate(lang)
			if err != nil {
				t.Fatal(err)
			}
			s := figures.Scope{AreaID: p.ID(scope), AreaName: scope, From: d(from), To: d(to), Level: "district"}
			f, err := tpl.Fill(context.Background(), dbh.Reader(), s, d("2025-06-30"))
			if err != nil {
				t.Fatal(err)
			}
			md := f.Markdown()
			for _, h := range []string{"## 四、", "## 4. "} {
				if i := strings.Index(md, h); i >= 0 {
					return md[i:]
				}
			}
			t.Fatalf("no part four in\n%s", md)
			return ""
		}
		zh := part4(i18n.ZH, "示范区", "2024-01-01", "2024-12-31")
		for _, want := range []string{
			"如迎宾社区居民反映“迎宾一巷道路破损”，居民意见很大，4年来一直无法整治。迎宾社区党支部按照共驻共建原则",
			"最后，市规划设计院免费提供服务，受益单位U1 房管所、U2 党校提供土地、资金，不到一个月便完成了“迎宾一巷道路硬化”，节约资金20万元。",
			"迎宾一巷居民、迎宾社区老年协会给居委送来两面锦旗，说：感谢你们为我们解决了4年来想办而办不成的事。",
			"宾南社区居民反映“宾南路大院脏乱”，涉及U2 党校、U6 水厂、U1 房管所3个单位，河东街道党委出面做通单位和居民工作，共同出资8万元，完成了“宾南路大院整治”。",
		} {
			if !strings.Contains(zh, want) {
				t.Errorf("part four lacks %q:\n%s", want, zh)
			}
		}
		for _, gone := range []string{"使该单位出资", "深受群众好评", "××", "{{"} {
			if strings.Contains(zh, gone) {
				t.Errorf("part four says %q, for a slot with no project:\n%s", gone, zh)
			}
		}
		guandu := part4(i18n.ZH, "官渡街道", "2025-01-01", "2025-06-30")
		for _, want := range []string{
			"官渡街道党工委出面做好U4 供电所的协调工作，使该单位出资5万元整治",
			"2025年4月，官渡社区党支部筹集资金5万元，完成了“官渡楼道清理”，楼梯340多个，深受群众好评和支持。",
		} {
			if !strings.Contains(guandu, want) {
				t.Errorf("part four of 官渡街道 lacks %q:\n%s", want, guandu)
			}
		}
		en := part4(i18n.EN, "示范区", "2024-01-01", "2024-12-31")
		for _, want := range []string{"The “迎宾一巷道路硬化” was done in under a month, saving 200,000 yuan.", "brought the committee two banners", "3 units (U2 党校, U6 水厂 and U1 房管所)"} {
			if !strings.Contains(en, want) {
				t.Errorf("part four (en) lacks %q:\n%s", want, en)
			}
		}
		if _, err := dbh.Writer().ExecContext(context.Background(), "UPDATE unit SET name = 'U1 市房产管理所' WHERE name = 'U1 房管所'"); err != nil {
			t.Fatal(err)
		}
		after := part4(i18n.ZH, "示范区", "2024-01-01", "2024-12-31")
		if !strings.Contains(after, "受益单位U1 市房产管理所、U2 党校提供土地、资金") || strings.Contains(after, "U1 房管所") {
			t.Errorf("after renaming U1, part four:\n%s", after)
		}
	})
}

// TestSlotRankingsKeptByTriggers holds what the slots rank projects by
// (unit_count, top_money, top_money_unit_id, kept by triggers on
// co_contribution: migration 0024) to the contributions themselves, after
// the dataset and after a contribution is changed and one deleted by any
// write, on both engines.
func TestSlotRankingsKeptByTriggers(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartFour(t, dbh)
		ids := p.speechProjects()
		const fromRows = `SELECT p.id,
  (SELECT COUNT(DISTINCT c.unit_id) FROM co_contribution c WHERE c.project_id = p.id AND c.unit_id IS NOT NULL),
  COALESCE((SELECT MAX(m.s) FROM (SELECT SUM(c.value) AS s FROM co_contribution c WHERE c.project_id = p.id AND c.unit_id IS NOT NULL AND c.kind = 'money' GROUP BY c.unit_id) m), 0),
  p.unit_count, p.top_money
FROM co_project p ORDER BY p.id`
		check := func(when string) {
			t.Helper()
			rows, err := dbh.Reader().QueryContext(context.Background(), fromRows)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			n := 0
			for rows.Next() {
				var id, units, money, keptUnits, keptMoney int64
				if err := rows.Scan(&id, &units, &money, &keptUnits, &keptMoney); err != nil {
					t.Fatal(err)
				}
				if units != keptUnits || money != keptMoney {
					t.Errorf("%s: project %d keeps %d units and %d top money, its contributions say %d and %d", when, id, keptUnits, keptMoney, units, money)
				}
				n++
			}
			if n < 5 {
				t.Fatalf("%s: %d projects", when, n)
			}
		}
		check("after the dataset")
		w := dbh.Writer()
		if _, err := w.ExecContext(context.Background(), "UPDATE co_contribution SET kind = 'money', value = value * 3 WHERE project_id = ?", ids["P6"]); err != nil {
			t.Fatal(err)
		}
		if _, err := w.ExecContext(context.Background(), "DELETE FROM co_contribution WHERE project_id = ? AND kind = 'money'", ids["P7"]); err != nil {
			t.Fatal(err)
		}
		check("after a change and a deletion")
		var unit int64
		if err := w.QueryRowContext(context.Background(), "SELECT top_money_unit_id FROM co_project WHERE id = ?", ids["P6"]).Scan(&unit); err != nil || unit != p.units["U4 供电所"] {
			t.Errorf("P6's top money unit: %d, %v; want U4 供电所 (%d)", unit, err, p.units["U4 供电所"])
		}
	})
}
