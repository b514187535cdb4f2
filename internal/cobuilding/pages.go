package cobuilding

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"dangjian/internal/area"
	"dangjian/internal/fault"
	"dangjian/internal/web"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pages are the handlers of part four (a)'s pages.
type pages struct {
	*web.Kit
	s *Store
}

// Pages is part four (a)'s share of the web application: the demand list
// (open demands by age), a demand's page with the resources suggested for
// it, the resource list, the project list, and a project's page telling
// its story.
func Pages(st *Store) web.Module {
	return web.Module{
		Name:      "cobuilding",
		Templates: web.Sub(templateFiles),
		Funcs: template.FuncMap{
			"wan":      Wan,
			"reason":   func(v *web.View, r Reason) string { return r.Text(v.Lang) },
			"quantity": func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) },
		},
		// Part four's menu: co-building, then the services' entries (the
		// bar holds about ten entries at 1280 px).
		Nav: []web.NavItem{{Key: "cobuilding", Href: "/demands", Label: "ui.nav.cobuilding", Perm: ReadCobuilding, Order: 480, Group: web.PartFourMenu}},
		// The lists are also reached from an area's page, and link to one
		// another.
		AreaLinks: []web.AreaLink{
			{Key: "demands", Path: "demands", Label: "ui.area.demands", Level: string(area.Community), Perm: ReadCobuilding},
			{Key: "demands-subdistrict", Path: "demands", Label: "ui.area.demands", Level: string(area.Subdistrict), Perm: ReadCobuilding},
			{Key: "demands-district", Path: "demands", Label: "ui.area.demands", Level: string(area.District), Perm: ReadCobuilding},
		},
		Routes: func(k *web.Kit) []web.Route {
			p := &pages{Kit: k, s: st}
			return []web.Route{
				{Pattern: "GET /demands", Perm: ReadCobuilding, Handler: p.demandList},
				{Pattern: "GET /areas/{id}/demands", Perm: ReadCobuilding, Place: st.Areas.Place(), Handler: p.demandList},
				{Pattern: "/areas/{id}/demands/new", Perm: WriteCobuilding, Place: st.Areas.Place(), Handler: p.demandCreate},
				{Pattern: "/demands/{id}/close", Perm: WriteCobuilding, Place: st.DemandPlace(), Handler: p.demandClose},
				{Pattern: "/resources/new", Perm: WriteCobuilding, Handler: p.resourceCreate},
				{Pattern: "/co-projects/{id}/edit", Perm: WriteCobuilding, Place: st.ProjectPlace(), Handler: p.projectEdit},
				{Pattern: "/co-projects/{id}/contributions/new", Perm: WriteCobuilding, Place: st.ProjectPlace(), Handler: p.contributionCreate},
				{Pattern: "/co-projects/{id}/results/new", Perm: WriteCobuilding, Place: st.ProjectPlace(), Handler: p.resultCreate},
				{Pattern: "/co-projects/{id}/feedback/new", Perm: WriteCobuilding, Place: st.ProjectPlace(), Handler: p.feedbackCreate},
				{Pattern: "GET /demands/{id}", Perm: ReadCobuilding, Place: st.DemandPlace(), Handler: p.demandShow},
				{Pattern: "/demands/{id}/match", Perm: WriteCobuilding, Place: st.DemandPlace(), Handler: p.demandMatch},
				{Pattern: "GET /resources", Perm: ReadCobuilding, Handler: p.resourceList},
				{Pattern: "GET /co-projects", Perm: ReadCobuilding, Handler: p.projectList},
				{Pattern: "GET /co-projects/{id}", Perm: ReadCobuilding, Place: st.ProjectPlace(), Handler: p.projectShow},
				{Pattern: "GET /units/{id}/co-building", Perm: ReadUnitResources, Place: st.UnitPlace(), Handler: p.unitRecordShow},
				{Pattern: "/units/{id}/resources/new", Perm: WriteUnitResources, Place: st.UnitPlace(), Handler: p.unitResourceCreate},
			}
		},
	}
}

// Wan shows an amount in fen in 万元, two decimals.
func Wan(fen int64) string { return fmt.Sprintf("%.2f", float64(fen)/1e6) }

// areaNames names the areas ids through the scoped area store; an area
// outside the caller's scope (a department's, serving the district above
// a community secretary) is left unnamed.
func (s *Store) areaNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for _, id := range ids {
		if _, ok := out[id]; ok {
			continue
		}
		a, err := s.Areas.Get(ctx, id)
		if errors.Is(err, fault.OutOfScope) {
			out[id] = ""
			continue
		}
		if err != nil {
			return nil, err
		}
		out[id] = a.Name
	}
	return out, nil
}

// after reads the ?after= id of a list's next page.
func after(r *http.Request) int64 { return web.ParseID(r.URL.Query().Get("after")) }
