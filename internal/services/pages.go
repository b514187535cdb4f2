package services

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"net/http"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pages are the handlers of part four (b)'s pages.
type pages struct {
	*web.Kit
	s *Store
}

// Pages is part four (b)'s share of the web application: the lists of
// outlets, designations, service records, placements and good deeds of the
// user's scope (or of an area, ?area=) with their count by kind, the forms
// that record, correct and end them, and a community's month of services
// as one grid.
func Pages(st *Store) web.Module {
	return web.Module{
		Name:      "services",
		Templates: web.Sub(templateFiles),
		Funcs: template.FuncMap{"svcTabs": svcTabs, "svcCounts": svcCounts, "monthOf": monthText,
			"crumbsOf": func(id int64, name string) []web.Crumb {
				return []web.Crumb{{Label: name, Href: "/areas/" + web.Itoa(id)}}
			}},
		// In part four's menu on the bar, beside co-building and the
		// petitions; the lists are also reached from every area's page.
		Nav: []web.NavItem{{Key: "services", Href: "/outlets", Label: "ui.nav.services", Perm: ReadServices, Order: 485, Group: web.PartFourMenu}},
		AreaLinks: []web.AreaLink{
			{Key: "outlets-district", Path: "outlets", Label: "ui.area.outlets", Level: string(area.District), Perm: ReadServices},
			{Key: "service-grid", Path: "service-grid", Label: "ui.area.service_grid", Level: string(area.Community), Perm: ReadServices},
			{Key: "outlets-community", Path: "outlets", Label: "ui.area.outlets", Level: string(area.Community), Perm: ReadServices},
			{Key: "outlets-subdistrict", Path: "outlets", Label: "ui.area.outlets", Level: string(area.Subdistrict), Perm: ReadServices},
		},
		Pickers: []web.Picker{st.OutletPicker()},
		Routes: func(k *web.Kit) []web.Route {
			p := &pages{Kit: k, s: st}
			return append([]web.Route{
				{Pattern: "GET /outlets", Perm: ReadServices, Handler: p.outletList},
				{Pattern: "GET /areas/{id}/outlets", Perm: ReadServices, Place: st.Areas.Place(), Handler: p.outletList},
				{Pattern: "/outlets/new", Perm: WriteServices, Handler: p.outletCreate},
				{Pattern: "/outlets/{id}/edit", Perm: WriteServices, Place: st.OutletPlace(), Handler: p.outletEdit},
				{Pattern: "/outlets/{id}/end", Perm: WriteServices, Place: st.OutletPlace(), Handler: p.outletEnd},
				{Pattern: "GET /designations", Perm: ReadServices, Handler: p.designationList},
				{Pattern: "/designations/new", Perm: WriteServices, Handler: p.designationCreate},
				{Pattern: "/designations/{id}/edit", Perm: WriteServices, Place: st.DesignationPlace(), Handler: p.designationEdit},
				{Pattern: "/designations/{id}/end", Perm: WriteServices, Place: st.DesignationPlace(), Handler: p.designationEnd},
				{Pattern: "GET /service-records", Perm: ReadServices, Handler: p.recordList},
				{Pattern: "/service-records/new", Perm: WriteServices, Handler: p.recordCreate},
				{Pattern: "/service-records/{id}/edit", Perm: WriteServices, Place: st.RecordPlace(), Handler: p.recordEdit},
				{Pattern: "GET /areas/{id}/service-grid", Perm: ReadServices, Place: st.Areas.Place(), Handler: p.gridShow},
				{Pattern: "POST /areas/{id}/service-grid", Perm: WriteServices, Place: st.Areas.Place(), Handler: p.gridSave},
				{Pattern: "GET /placements", Perm: ReadServices, Handler: p.placementList},
				{Pattern: "/placements/new", Perm: WriteServices, Handler: p.placementCreate},
				{Pattern: "/placements/{id}/edit", Perm: WriteServices, Place: st.PlacementPlace(), Handler: p.placementEdit},
				{Pattern: "/placements/{id}/end", Perm: WriteServices, Place: st.PlacementPlace(), Handler: p.placementEnd},
				{Pattern: "GET /good-deeds", Perm: ReadServices, Handler: p.deedList},
				{Pattern: "/good-deeds/new", Perm: WriteServices, Handler: p.deedCreate},
				{Pattern: "/good-deeds/{id}/edit", Perm: WriteServices, Place: st.DeedPlace(), Handler: p.deedEdit},
			}, p.sheetRoutes()...)
		},
	}
}

// listPage is what every list shows: its rows, the count by kind of all
// the list holds, the areas' names, the area it is narrowed to, and the
// next page.
type listPage struct {
	Rows     any
	Counts   []KindCount
	Areas    map[int64]string
	AreaID   int64
	AreaName string
	Next     string
	CanWrite bool
	// Prefix is the message prefix of the kinds' names.
	Prefix string
}

// listArea reads the area a list is narrowed to: the path's {id}, or
// ?area= (0: the user's scope).
func (p *pages) listArea(r *http.Request) (int64, string, error) {
	id := web.ParseID(r.PathValue("id"))
	if id == 0 {
		id = web.ParseID(r.URL.Query().Get("area"))
	}
	if id == 0 {
		return 0, "", nil
	}
	a, err := p.s.Areas.Get(r.Context(), id)
	return id, a.Name, err
}

// renderList fills the page's names and writer's right and renders it.
func (p *pages) renderList(w http.ResponseWriter, r *http.Request, name, title string, pg *listPage, areaIDs []int64, lastID int64, n int) {
	names, err := p.areaNames(r.Context(), areaIDs)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	pg.Areas = names
	u, _ := web.Principal(r)
	pg.CanWrite = u.Can(WriteServices)
	if n == 50 {
		// The next page keeps the list's filters.
		v := web.KeepValues(r.URL.Query(), "area", "kind", "from", "to", "lang")
		v.Set("after", web.Itoa(lastID))
		pg.Next = v.Encode()
	}
	p.Render(w, r, http.StatusOK, name, &web.View{Title: i18n.T(web.Lang(r), title), Nav: "services", D: pg})
}

// areaNames names the areas ids through the scoped area store; an area
// outside the caller's scope is left unnamed.
func (p *pages) areaNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for _, id := range ids {
		if _, ok := out[id]; ok {
			continue
		}
		a, err := p.s.Areas.Get(ctx, id)
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

// kindOptions is a select over fixed values labelled from prefix+value.
func kindOptions[T ~string](lang i18n.Lang, prefix string, values []T) []web.Option {
	return web.EnumOptions(lang, prefix, "", strs(values)...)
}

// areaField is the picker of a subdistrict or community (level "" for
// both).
func areaField(lang i18n.Lang, label string, level area.Level) web.Field {
	f := web.Field{Name: "area_id", Label: i18n.T(lang, label), Type: "picker", Pick: "areas", Required: true}
	if level != "" {
		f.PickArgs = "level=" + string(level)
	}
	return f
}

// count reads a whole number field (empty for 0).
func count(field, v string) (int64, error) {
	n, err := parseCell(field, v)
	if err != nil {
		return 0, err
	}
	return max(n, 0), nil
}

// after reads the ?after= id of a list's next page.
func after(r *http.Request) int64 { return web.ParseID(r.URL.Query().Get("after")) }

// monthText is the month of a month's record, YYYY-MM.
func monthText(d date.Date) string { return d.String()[:7] }
