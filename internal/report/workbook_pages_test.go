package report_test

import (
	"bytes"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// TestWorkbookAndByAreaPages: the figures by sub-area, the figures page's
// year-over-year column and links, and the workbook through the page and
// the API, within the caller's scope, in both languages; bad parameters
// refused naming the field.
func TestWorkbookAndByAreaPages(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := testkit.New(t, dbh, testkit.Options{Demo: true})
		w.Callers()
		h := w.Handler()
		send := func(user, path, lang string) *httptest.ResponseRecorder {
			t.Helper()
			req := httptest.NewRequest("GET", w.Expand(path), nil)
			if strings.HasPrefix(path, "/api/") {
				req.Header.Set("Authorization", w.Bearer(user))
				if lang != "" {
					req.Header.Set("Accept-Language", lang)
				}
			} else {
				cookie := web.SessionCookie + "=" + w.Sessions[user]
				if lang != "" {
					cookie += "; lang=" + lang
				}
				req.Header.Set("Cookie", cookie)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		period := "&from=2024-01-01&to=2024-12-31"
		cases := []struct {
			name, user, path, lang string
			status                 int
			want, not              []string
		}{
			{"by area, district, subdistricts", "district", "/figures/by-area?area={示范区}" + period, "", 200,
				[]string{"统计数据（按下级区域）", `data-sortable`, "河东街道", "南山街道", "社区居委会", "合计", "第一部分",
					`href="/figures/communities.total?area={河东街道}&amp;from=2024-01-01&amp;to=2024-12-31"`, "(&#43;1)", `href="/workbook.xlsx?`},
				[]string{"迎宾社区"}},
			{"by area, communities of a subdistrict", "hedong", "/figures/by-area?area={河东街道}&level=community&part=2" + period, "", 200,
				[]string{"迎宾社区", "所属街道", "联席会议", `href="/figures/sessions.held?area={迎宾社区}`}, []string{"南山街道</td>"}},
			{"by area sorted by members descending", "district", "/figures/by-area?area={示范区}&sort=members.total&dir=desc" + period, "", 200,
				[]string{`aria-sort="descending"`}, nil},
			{"by area in English", "district", "/figures/by-area?area={示范区}" + period, "en", 200,
				[]string{"Figures by sub-area", "In all", "Party members"}, nil},
			{"by area, bad level", "district", "/figures/by-area?area={示范区}&level=planet", "", 422, []string{"“planet”不是可选的分组级别"}, nil},
			{"by area, bad part", "district", "/figures/by-area?area={示范区}&part=9", "", 422, []string{"“9”不是讲话的部分"}, nil},
			{"by area, bad sort", "district", "/figures/by-area?area={示范区}&sort=nope", "", 422, []string{"不能按“nope”排序"}, nil},
			{"by area outside the caller's scope", "hedong", "/figures/by-area?area={官渡街道}", "", 403, nil, nil},
			{"figures page: year-over-year and links", "district", "/figures?area={示范区}" + period, "", 200,
				[]string{"上年同期", "增减", `id="by-area-link"`, `href="/figures/by-area?area={示范区}`, `id="workbook-download"`}, nil},
			{"workbook outside the caller's scope", "hedong", "/workbook.xlsx?area={官渡街道}", "", 403, nil, nil},
			{"workbook, bad level", "hedong", "/workbook.xlsx?area={河东街道}&level=subdistrict", "", 422, []string{"分组级别“subdistrict”须低于"}, nil},
			{"workbook, bad date", "district", "/workbook.xlsx?from=2024-13-01", "", 422, []string{"日期“2024-13-01”无效"}, nil},
			{"API workbook outside the caller's scope", "hedong", "/api/v1/workbook?area={官渡街道}", "", 403, nil, nil},
			{"API workbook, bad level", "district", "/api/v1/workbook?level=planet", "en", 422, []string{`"level"`}, nil},
		}
		for _, c := range cases {
			rec := send(c.user, c.path, c.lang)
			body := rec.Body.String()
			if rec.Code != c.status {
				t.Errorf("%s: status %d, want %d: %.400s", c.name, rec.Code, c.status, testkit.Excerpt(body))
				continue
			}
			for _, s := range c.want {
				if !strings.Contains(body, w.Expand(s)) {
					t.Errorf("%s: no %s in %s", c.name, s, testkit.Excerpt(body))
				}
			}
			for _, s := range c.not {
				if strings.Contains(body, w.Expand(s)) {
					t.Errorf("%s: %s in the page", c.name, s)
				}
			}
		}
		// The workbook itself, from the page and the API, in each language.
		for _, c := range []struct{ user, path, lang, sheet, a5 string }{
			{"district", "/workbook.xlsx?area={示范区}" + period, "", "第一部分", "示范区合计"},
			{"hedong", "/workbook.xlsx?area={河东街道}" + period, "en", "Part 1", "河东街道, in all"},
			{"district", "/api/v1/workbook?area={河东街道}&level=community" + period, "zh", "第一部分", "河东街道合计"},
			{"yingbin", "/api/v1/workbook?area={迎宾社区}" + period, "en", "Part 1", "迎宾社区, in all"},
		} {
			rec := send(c.user, c.path, c.lang)
			if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), "spreadsheetml") || !strings.Contains(rec.Header().Get("Content-Disposition"), ".xlsx") {
				t.Errorf("%s: %d %v %.300s", c.path, rec.Code, rec.Header(), rec.Body.String())
				continue
			}
			f, err := excelize.OpenReader(bytes.NewReader(rec.Body.Bytes()))
			if err != nil {
				t.Fatalf("%s: %v", c.path, err)
			}
			a5, _ := f.GetCellValue(c.sheet, "A5")
			f.Close()
			if a5 != c.a5 {
				t.Errorf("%s: %s!A5 = %q, want %q", c.path, c.sheet, a5, c.a5)
			}
		}
	})
}
