package people

import (
	"dangjian/internal/area"
	"dangjian/internal/web"
	"net/http"
	"strings"

	"dangjian/internal/i18n"
)

// unitListPage is the data of the unit list.
type unitListPage struct {
	Area     string
	Areas    []web.Option
	Rows     []unitRow
	Error    string
	CanWrite bool
}

// unitRow is one stationed unit of the list.
type unitRow struct {
	ID                      int64
	Name, Kind, Rank, Since string
	AreaID                  int64
	Area                    string
	OrgID                   int64
	Org                     string
}

// unitList renders the stationed units located today in the user's scope,
// or in the area chosen (?area=).
func (s *pages) unitList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	lang := web.Lang(r)
	page := unitListPage{Area: strings.TrimSpace(r.URL.Query().Get("area"))}
	u, _ := web.Principal(r)
	page.CanWrite = u.Can(WriteUnits)
	status := http.StatusOK
	areaID := web.ParseID(page.Area)
	if areaID == 0 {
		root, err := s.areas.Root(ctx)
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		areaID = root.ID
	}
	units, err := s.people.Units(ctx, areaID, s.today())
	if err == nil {
		err = s.fillUnitRows(r, lang, &page, units)
	}
	if err != nil {
		e, ok := web.UserError(err)
		if !ok {
			s.ServerError(w, r, err)
			return
		}
		page.Error, status = e.In(lang), web.UserErrorStatus(e)
		if status == http.StatusForbidden {
			s.AuditDenied(r, e.Key)
		}
	}
	var oerr error
	if page.Areas, oerr = area.TreeOptions(ctx, s.areas, lang, page.Area); oerr != nil {
		s.ServerError(w, r, oerr)
		return
	}
	page.Areas = append([]web.Option{{Value: "", Label: i18n.T(lang, "ui.units.all_areas"), Selected: page.Area == ""}}, page.Areas...)
	s.Render(w, r, status, "units", &web.View{Title: i18n.T(lang, "ui.units.title"), Nav: "units", D: &page})
}

// fillUnitRows names each unit's community and own party organisation.
func (s *pages) fillUnitRows(r *http.Request, lang i18n.Lang, page *unitListPage, units []Unit) error {
	orgs, err := s.people.OrgsUnder(r.Context(), 0, s.today())
	if err != nil {
		return err
	}
	orgNames := map[int64]string{}
	areaNames := map[int64]string{}
	for _, o := range orgs {
		orgNames[o.ID] = o.Name
		areaNames[o.PlaceID] = o.PlaceName
	}
	for _, u := range units {
		name, ok := areaNames[u.AreaID]
		if !ok {
			a, err := s.areas.Get(r.Context(), u.AreaID)
			if err != nil {
				return err
			}
			name, areaNames[u.AreaID] = a.Name, a.Name
		}
		page.Rows = append(page.Rows, unitRow{
			ID: u.ID, Name: u.Name, Kind: i18n.T(lang, "ui.unit_kind."+string(u.Kind)), Rank: i18n.T(lang, "ui.rank."+string(u.Rank)),
			Since: u.StartedOn.String(), AreaID: u.AreaID, Area: name, OrgID: u.OrgID, Org: orgNames[u.OrgID],
		})
	}
	return nil
}
