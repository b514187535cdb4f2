package api

import (
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// testToday is the clock of every test store, so that dates are stable.
var testToday = date.MustParse("2025-06-30")

// fixture is a small district behind a mux with the API registered.
//
//	示范区 (2020-01-01)
//	├─ 河东街道 — 河东街道党委 (committee)
//	│  ├─ 迎宾社区 — 迎宾社区党支部 (branch)
//	│  ├─ 宾南社区
//	│  └─ 河滨社区 — merged into 宾南社区 on 2023-03-01
//	└─ 官渡街道
//	   └─ 官渡社区
type fixture struct {
	mux   *http.ServeMux
	store *area.Store
	ids   map[string]int64
}

func newFixture(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	store := &area.Store{DB: d, Today: func() date.Date { return testToday }}
	f := &fixture{mux: http.NewServeMux(), store: store, ids: map[string]int64{}}
	(&Handler{DB: d, Areas: store, Log: slog.New(slog.DiscardHandler)}).Register(f.mux)
	start := date.MustParse("2020-01-01")
	create := func(name, parent string, level area.Level) {
		id, err := store.Create(ctx, area.CreateInput{ParentID: f.ids[parent], Level: level, Name: name, On: start})
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		f.ids[name] = id
	}
	org := func(name, on string, kind area.OrgKind) {
		id, err := store.CreateOrg(ctx, area.OrgInput{AreaID: f.ids[on], Kind: kind, Name: name, On: start})
		if err != nil {
			t.Fatalf("org %s: %v", name, err)
		}
		f.ids[name] = id
	}
	create("示范区", "", area.District)
	create("河东街道", "示范区", area.Subdistrict)
	create("官渡街道", "示范区", area.Subdistrict)
	for _, c := range []string{"迎宾社区", "宾南社区", "河滨社区"} {
		create(c, "河东街道", area.Community)
	}
	create("官渡社区", "官渡街道", area.Community)
	org("河东街道党委", "河东街道", area.Committee)
	org("迎宾社区党支部", "迎宾社区", area.Branch)
	if err := store.Merge(ctx, area.MergeInput{AreaID: f.ids["河滨社区"], TargetID: f.ids["宾南社区"], On: date.MustParse("2023-03-01")}); err != nil {
		t.Fatalf("merge: %v", err)
	}
	return f
}

// expand replaces {name} with the id of name in s.
func (f *fixture) expand(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	pairs := make([]string, 0, 2*len(f.ids))
	for name, id := range f.ids {
		pairs = append(pairs, "{"+name+"}", strconv.FormatInt(id, 10))
	}
	return strings.NewReplacer(pairs...).Replace(s)
}
