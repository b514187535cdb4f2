package premises

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// communityForm serves a form about the area in the path: its breadcrumb
// leads back to the area's premises page.
func (p *pages) communityForm(w http.ResponseWriter, r *http.Request, titleKey string, def url.Values, fields func(i18n.Lang) []web.Field,
	apply func(ctx context.Context, v url.Values, on date.Date, areaID int64) (string, []string, error)) {
	lang := web.Lang(r)
	a, err := p.s.Areas.Get(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	back := "/areas/" + web.Itoa(a.ID) + "/premises"
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, titleKey, a.Name),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.three_lacks.title"), Href: "/premises"}, {Label: a.Name, Href: back}},
		Submit:   i18n.T(lang, "ui.premises.save"),
		Back:     back,
		Defaults: def,
		Fields:   func(url.Values) []web.Field { return fields(lang) },
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			return apply(ctx, v, on, a.ID)
		},
	})
}

// premisesCreate records premises of the community in the path.
func (p *pages) premisesCreate(w http.ResponseWriter, r *http.Request) {
	p.communityForm(w, r, "ui.premises_create.title", web.Defaults(p.s.Today(), "use", string(Office), "tenure", string(Owned)),
		func(lang i18n.Lang) []web.Field {
			return []web.Field{
				{Name: "address", Label: i18n.T(lang, "ui.premises.address"), Type: "text", Required: true},
				{Name: "use", Label: i18n.T(lang, "ui.premises.use"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.premises_use.", "", string(Office), string(Service))},
				{Name: "floor_area", Label: i18n.T(lang, "ui.premises.floor_area"), Type: "text", Required: true, Help: i18n.T(lang, "ui.help.square_metres")},
				{Name: "tenure", Label: i18n.T(lang, "ui.premises.tenure"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.tenure.", "", "owned", "rented", "lent", "shared")},
				web.DateField(lang),
			}
		},
		func(ctx context.Context, v url.Values, on date.Date, areaID int64) (string, []string, error) {
			area, err := ParseSquareMetres("floor_area", v.Get("floor_area"))
			if err != nil {
				return "", nil, err
			}
			_, err = p.s.OpenPremises(ctx, PremisesInput{AreaID: areaID, Address: v.Get("address"), Use: Use(v.Get("use")),
				FloorArea: area, Tenure: Tenure(v.Get("tenure")), FromOn: on})
			return communityURL(areaID), []string{"ui.flash.premises_opened", v.Get("address")}, web.RenameField(err, "from_on", "on")
		})
}

// officeFundingCreate records a year's office funding of the community.
func (p *pages) officeFundingCreate(w http.ResponseWriter, r *http.Request) {
	p.communityForm(w, r, "ui.office_funding_create.title", url.Values{"year": {strconv.Itoa(p.s.Today().Year())}},
		func(lang i18n.Lang) []web.Field {
			return []web.Field{
				{Name: "year", Label: i18n.T(lang, "ui.premises.year"), Type: "text", Required: true},
				{Name: "amount", Label: i18n.T(lang, "ui.premises.amount"), Type: "text", Required: true, Help: i18n.T(lang, "ui.help.yuan")},
				{Name: "source", Label: i18n.T(lang, "ui.premises.funding_source"), Type: "text"},
			}
		},
		func(ctx context.Context, v url.Values, _ date.Date, areaID int64) (string, []string, error) {
			year, err := strconv.Atoi(strings.TrimSpace(v.Get("year")))
			if err != nil {
				return "", nil, i18n.Errf("year", "err.funding_year_invalid", p.s.Today().Year())
			}
			amount, err := ParseYuan("amount", v.Get("amount"))
			if err != nil {
				return "", nil, err
			}
			_, err = p.s.AddOfficeFunding(ctx, OfficeFundingInput{AreaID: areaID, Year: year, Amount: amount, Source: v.Get("source")})
			return communityURL(areaID), []string{"ui.flash.office_funding_added", strconv.Itoa(year)}, err
		})
}

// landCreate records land for economic development of the community.
func (p *pages) landCreate(w http.ResponseWriter, r *http.Request) {
	p.communityForm(w, r, "ui.land_create.title", web.Defaults(p.s.Today()),
		func(lang i18n.Lang) []web.Field {
			return []web.Field{
				{Name: "location", Label: i18n.T(lang, "ui.premises.location"), Type: "text", Required: true},
				{Name: "land_area", Label: i18n.T(lang, "ui.premises.land_area"), Type: "text", Required: true, Help: i18n.T(lang, "ui.help.square_metres")},
				web.DateField(lang),
			}
		},
		func(ctx context.Context, v url.Values, on date.Date, areaID int64) (string, []string, error) {
			area, err := ParseSquareMetres("land_area", v.Get("land_area"))
			if err != nil {
				return "", nil, err
			}
			_, err = p.s.AddLand(ctx, LandInput{AreaID: areaID, LandArea: area, Location: v.Get("location"), FromOn: on})
			return communityURL(areaID), []string{"ui.flash.land_added", v.Get("location")}, web.RenameField(err, "from_on", "on")
		})
}

// householdsCreate records the community's households counted on a day.
func (p *pages) householdsCreate(w http.ResponseWriter, r *http.Request) {
	p.communityForm(w, r, "ui.households_create.title", web.Defaults(p.s.Today()),
		func(lang i18n.Lang) []web.Field {
			return []web.Field{
				{Name: "households", Label: i18n.T(lang, "ui.premises.households"), Type: "text", Required: true},
				web.DateField(lang),
			}
		},
		func(ctx context.Context, v url.Values, on date.Date, areaID int64) (string, []string, error) {
			n, err := strconv.Atoi(strings.TrimSpace(v.Get("households")))
			if err != nil || n < 0 {
				return "", nil, i18n.Errf("households", "err.premises_count_negative")
			}
			_, err = p.s.CountHouseholds(ctx, HouseholdsInput{AreaID: areaID, Households: n, CountedOn: on})
			return communityURL(areaID), []string{"ui.flash.households_counted", strconv.Itoa(n)}, web.RenameField(err, "counted_on", "on")
		})
}

// projectCreate starts a building project of the community.
func (p *pages) projectCreate(w http.ResponseWriter, r *http.Request) {
	p.communityForm(w, r, "ui.project_create.title", web.Defaults(p.s.Today()),
		func(lang i18n.Lang) []web.Field {
			return []web.Field{
				{Name: "name", Label: i18n.T(lang, "ui.col.name"), Type: "text", Required: true},
				{Name: "cost", Label: i18n.T(lang, "ui.project.cost"), Type: "text", Help: i18n.T(lang, "ui.help.yuan")},
				web.DateField(lang),
				web.NoteField(lang),
			}
		},
		func(ctx context.Context, v url.Values, on date.Date, areaID int64) (string, []string, error) {
			var cost int64
			if strings.TrimSpace(v.Get("cost")) != "" {
				c, err := ParseYuan("cost", v.Get("cost"))
				if err != nil {
					return "", nil, err
				}
				cost = c
			}
			id, err := p.s.CreateProject(ctx, ProjectInput{AreaID: areaID, Name: v.Get("name"), Cost: cost, StartedOn: on, Note: v.Get("note")})
			return projectURL(id), []string{"ui.flash.project_created", v.Get("name")}, web.RenameField(err, "started_on", "on")
		})
}

// standardCreate sets the premises standard of the area in the path (any
// level) from a day.
func (p *pages) standardCreate(w http.ResponseWriter, r *http.Request) {
	p.communityForm(w, r, "ui.standard_create.title", web.Defaults(p.s.Today()),
		func(lang i18n.Lang) []web.Field {
			return []web.Field{
				{Name: "min_area", Label: i18n.T(lang, "ui.standard.min_area"), Type: "text", Help: i18n.T(lang, "ui.help.square_metres")},
				{Name: "per_100_households", Label: i18n.T(lang, "ui.standard.per_100"), Type: "text", Help: i18n.T(lang, "ui.help.square_metres")},
				web.DateField(lang),
			}
		},
		func(ctx context.Context, v url.Values, on date.Date, areaID int64) (string, []string, error) {
			in := StandardInput{AreaID: areaID, FromOn: on}
			for _, f := range []struct {
				name string
				to   *int64
			}{{"min_area", &in.MinArea}, {"per_100_households", &in.Per100Household}} {
				if strings.TrimSpace(v.Get(f.name)) == "" {
					continue
				}
				x, err := ParseSquareMetres(f.name, v.Get(f.name))
				if err != nil {
					return "", nil, err
				}
				*f.to = x
			}
			_, err := p.s.SetStandard(ctx, in)
			return "/premises/below-standard?area=" + web.Itoa(areaID), []string{"ui.flash.standard_set", on.String()}, web.RenameField(err, "from_on", "on")
		})
}

// roomCreate records a room in the premises of the path.
func (p *pages) roomCreate(w http.ResponseWriter, r *http.Request) {
	p.premisesForm(w, r, "ui.room_create.title", web.Defaults(p.s.Today(), "kind", "party_activity"),
		func(lang i18n.Lang) []web.Field {
			kinds := make([]string, len(RoomKinds))
			for i, k := range RoomKinds {
				kinds[i] = string(k)
			}
			return []web.Field{
				{Name: "kind", Label: i18n.T(lang, "ui.room.kind"), Type: "select", Required: true, Options: web.EnumOptions(lang, "ui.room_kind.", "", kinds...)},
				{Name: "floor_area", Label: i18n.T(lang, "ui.premises.floor_area"), Type: "text", Required: true, Help: i18n.T(lang, "ui.help.square_metres")},
				web.DateField(lang),
			}
		},
		func(ctx context.Context, v url.Values, on date.Date, pr Premises) (string, []string, error) {
			area, err := ParseSquareMetres("floor_area", v.Get("floor_area"))
			if err != nil {
				return "", nil, err
			}
			_, err = p.s.AddRoom(ctx, RoomInput{PremisesID: pr.ID, Kind: RoomKind(v.Get("kind")), FloorArea: area, FromOn: on})
			return communityURL(pr.AreaID), []string{"ui.flash.room_added", pr.Address}, web.RenameField(err, "from_on", "on")
		})
}

// premisesClose ends the premises of the path (and their rooms).
func (p *pages) premisesClose(w http.ResponseWriter, r *http.Request) {
	p.premisesForm(w, r, "ui.premises_close.title", web.Defaults(p.s.Today()),
		func(lang i18n.Lang) []web.Field { return []web.Field{web.DateField(lang)} },
		func(ctx context.Context, _ url.Values, on date.Date, pr Premises) (string, []string, error) {
			err := p.s.ClosePremises(ctx, pr.ID, on)
			return communityURL(pr.AreaID), []string{"ui.flash.premises_closed", pr.Address, on.String()}, web.RenameField(err, "to_on", "on")
		})
}

// premisesForm serves a form about the premises in the path.
func (p *pages) premisesForm(w http.ResponseWriter, r *http.Request, titleKey string, def url.Values, fields func(i18n.Lang) []web.Field,
	apply func(ctx context.Context, v url.Values, on date.Date, pr Premises) (string, []string, error)) {
	lang := web.Lang(r)
	pr, err := p.s.loadPremises(r.Context(), p.s.DB.Reader(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	back := communityURL(pr.AreaID)
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, titleKey, pr.Address),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.three_lacks.title"), Href: "/premises"}, {Label: pr.Address, Href: back}},
		Submit:   i18n.T(lang, "ui.premises.save"),
		Back:     back,
		Defaults: def,
		Fields:   func(url.Values) []web.Field { return fields(lang) },
		Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
			return apply(ctx, v, on, pr)
		},
	})
}

func communityURL(areaID int64) string { return "/areas/" + web.Itoa(areaID) + "/premises" }

func projectURL(id int64) string { return "/building-projects/" + web.Itoa(id) }
