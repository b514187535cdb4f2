package api_test

import (
	"encoding/json"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestImportCancelThroughTheAPI: cancelling one's own finished import
// leaves it as it was; another account's job, or an unknown one, is not
// found. (The cancel of a running import is internal/jobs' TestCancel.)
func TestImportCancelThroughTheAPI(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		f := newFixture(t, d)
		peopleWorld(t, f)
		csv := f.do(t, "", "", "GET", "/api/v1/exports/units.csv", "").Body.String()
		job := f.upload(t, "", "units", "units.csv", csv, true)
		path := "/api/v1/imports/" + job["id"].(string) + "/cancel"
		for _, c := range []struct {
			name, as, path string
			status         int
			state          string
		}{
			{"another account's job", "district", path, 404, ""},
			{"an unknown job", "", "/api/v1/imports/0123456789abcdef01234567/cancel", 404, ""},
			{"one's own finished job", "", path, 200, "done"},
		} {
			rec := f.do(t, c.as, "", "POST", c.path, "")
			if rec.Code != c.status {
				t.Errorf("%s: %d %s", c.name, rec.Code, rec.Body)
				continue
			}
			if c.state == "" {
				continue
			}
			var got map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got["state"] != c.state {
				t.Errorf("%s: %s", c.name, rec.Body)
			}
		}
	})
}
