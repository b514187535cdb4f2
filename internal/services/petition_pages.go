package services

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// The petitions' templates live in their own folder so that they stay
// apart from the other pages of the package.
//
//go:embed petition_templates/*.html
var petitionTemplateFiles embed.FS

// petitionPages are the handlers of the petitions' pages.
type petitionPages struct {
	*web.Kit
	s *PetitionStore
}

// PetitionPages is the petitions' share of the web application: the work
// list of a scope or an area (open cases first, the time left, overdue
// ones marked), receiving a request (a new case, or one more request of
// an open case), a case's page with the form of its next step, and the
// rates with the departments' ranking.
func PetitionPages(st *PetitionStore) web.Module {
	sub, err := fs.Sub(petitionTemplateFiles, "petition_templates")
	if err != nil {
		panic(err) // embedded at build time
	}
	return web.Module{
		Name:      "petitions",
		Templates: sub,
		Funcs: template.FuncMap{
			"petitionTime":    PetitionTime,
			"petitionLeft":    func(v *web.View, p Petition) string { return petitionLeft(v.Lang, p, st.Now()) },
			"petitionOverdue": func(p Petition) bool { return p.Overdue(st.Now()) },
			"petitionRank":    func(i int) int { return i + 1 },
		},
		// In part four's menu, after co-building.
		Nav: []web.NavItem{
			{Key: "petitions", Href: "/petitions", Label: "ui.nav.petitions", Perm: ReadPetitions, Order: 490, Group: web.PartFourMenu},
			{Key: "petition-rates", Href: "/petition-rates", Label: "ui.nav.petition_rates", Perm: ReadPetitions, Order: 491, Group: web.PartFourMenu},
		},
		AreaLinks: []web.AreaLink{
			{Key: "petitions", Path: "petitions", Label: "ui.area.petitions", Level: string(area.Community), Perm: ReadPetitions},
			{Key: "petitions-subdistrict", Path: "petitions", Label: "ui.area.petitions", Level: string(area.Subdistrict), Perm: ReadPetitions},
			{Key: "petitions-district", Path: "petitions", Label: "ui.area.petitions", Level: string(area.District), Perm: ReadPetitions},
		},
		Routes: func(k *web.Kit) []web.Route {
			p := &petitionPages{Kit: k, s: st}
			pl := st.PetitionPlace()
			return []web.Route{
				{Pattern: "GET /petitions", Perm: ReadPetitions, Handler: p.list},
				{Pattern: "GET /areas/{id}/petitions", Perm: ReadPetitions, Place: st.Areas.Place(), Handler: p.list},
				// By method: /petitions/new must not shadow a case's page.
				{Pattern: "GET /petitions/new", Perm: WritePetitions, Handler: p.receive},
				{Pattern: "POST /petitions/new", Perm: WritePetitions, Handler: p.receive},
				{Pattern: "GET /petitions/{id}", Perm: ReadPetitions, Place: pl, Handler: p.show},
				{Pattern: "/petitions/{id}/requests/new", Perm: WritePetitions, Place: pl, Handler: p.attach},
				{Pattern: "/petitions/{id}/steps/{step}", Perm: WritePetitions, Place: pl, Handler: p.step},
				{Pattern: "GET /petition-rates", Perm: ReadPetitions, Handler: p.rates},
				{Pattern: "GET /petitions/export", Perm: ReadPetitions, Handler: p.sheetExport},
				{Pattern: "GET /petitions/import", Perm: WritePetitions, Handler: p.sheetShow},
				{Pattern: "POST /petitions/import", Perm: WritePetitions, MaxBody: maxSheetBytes + 1<<20, Handler: p.sheetImport},
			}
		},
	}
}

// petitionLeft says how long an open case has left, or how long it has
// been overdue, in days and hours; "" for a resolved case.
func petitionLeft(lang i18n.Lang, p Petition, now time.Time) string {
	if !p.Open() {
		return ""
	}
	left := p.Left(now)
	key := "ui.petition.left"
	if left < 0 {
		key, left = "ui.petition.overdue_by", -left
	}
	hours := int(left / time.Hour)
	return i18n.T(lang, key, fmt.Sprintf(i18n.T(lang, "ui.petition.days_hours"), hours/24, hours%24))
}
