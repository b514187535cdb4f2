package web_test

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestRevokeInTheUIStopsTheTokenAtOnce: the API caches valid tokens for a few
// seconds; a revoke, a disable or a reset through the pages must not wait
// for that cache to run out.
func TestRevokeInTheUIStopsTheTokenAtOnce(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		app := newTestApp(t, d)
		ctx := context.Background()
		apiGet := func(secret string) int {
			req, _ := http.NewRequest("GET", app.srv.URL+"/api/v1/areas", nil)
			req.Header.Set("Authorization", "Bearer "+secret)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			return res.StatusCode
		}
		post := func(path string) int {
			req, _ := http.NewRequest("POST", app.srv.URL+path, strings.NewReader(url.Values{}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.AddCookie(&http.Cookie{Name: web.SessionCookie, Value: app.session})
			c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			res, err := c.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			return res.StatusCode
		}
		app.account("caiwu", auth.District, "示范区")
		a, _ := app.App.Auth.ByUsername(ctx, "caiwu")
		steps := []struct {
			name   string
			revoke func(tokenID int64) int
		}{
			{"revoke", func(id int64) int { return post("/admin/tokens/" + strconv.FormatInt(id, 10) + "/revoke") }},
			{"disable", func(int64) int { return post("/admin/users/" + strconv.FormatInt(a.ID, 10) + "/disable") }},
		}
		for _, st := range steps {
			tok, secret, err := app.App.Auth.CreateToken(ctx, a.ID, st.name, time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			if code := apiGet(secret); code != http.StatusOK {
				t.Fatalf("%s: token refused before: %d", st.name, code)
			}
			if code := st.revoke(tok.ID); code >= 400 {
				t.Fatalf("%s through the page: %d", st.name, code)
			}
			if code := apiGet(secret); code != http.StatusUnauthorized {
				t.Errorf("%s: the API still takes the token (%d)", st.name, code)
			}
		}
	})
}
