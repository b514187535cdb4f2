package people

import (
	"dangjian/internal/area"
	"dangjian/internal/web"
	"net/http"
	"strings"

	"dangjian/internal/i18n"
)

// unitPageSize is how many units one page of the list shows.
const unitPageSize = 50

// unitListPage is the data of the unit list.
type unitListPage struct {
	Area, Name string
	AreaField  web.Field
	Rows       []unitRow
	// Next is the link to the next page ("" on the last one); First the
	// link back to the first page when this is not it.
	Next, First string
	Error       string
	CanWrite    bool
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

// unitListKeys are the filters a page link keeps.
var unitListKeys = []string{"area", "area_q", "name"}

// unitList renders the stationed units located today in the user's scope,
// or in the area chosen (?area=), whose name contains ?name=, a page at a
// time (keyset: ?after= the last unit id).
func (s *pages) unitList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	lang := web.Lang(r)
	q := r.URL.Query()
	page := unitListPage{Name: strings.TrimSpace(q.Get("name"))}
	u, _ := web.Principal(r)
	page.CanWrite = u.Can(WriteUnits)
	status := http.StatusOK
	f := UnitFilter{Name: page.Name, On: s.today(), After: web.ParseID(q.Get("after")), Limit: unitPageSize}
	var err error
	if f.AreaID, err = s.Pick(ctx, "areas", q, "area", nil); err == nil && f.AreaID == 0 {
		var root area.Area
		root, err = s.areas.Root(ctx)
		f.AreaID = root.ID
	}
	page.Area = q.Get("area")
	page.AreaField = web.Field{Name: "area", Pick: "areas", Value: page.Area, Text: q.Get("area_q")}
	if err == nil {
		var units []Unit
		if units, err = s.people.ListUnits(ctx, f); err == nil {
			err = s.fillUnitRows(r, lang, &page, units)
		}
		if err == nil && len(units) == f.Limit {
			v := web.KeepValues(q, unitListKeys...)
			v.Set("after", itoa(units[len(units)-1].ID))
			page.Next = "/units?" + v.Encode()
		}
	}
	if f.After != 0 {
		page.First = "/units?" + web.KeepValues(q, unitListKeys...).Encode()
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
	s.Render(w, r, status, "units", &web.View{Title: i18n.T(lang, "ui.units.title"), Nav: "units", D: &page})
}

// fillUnitRows names each unit's community and own party organisation.
func (s *pages) fillUnitRows(r *http.Request, lang i18n.Lang, page *unitListPage, units []Unit) error {
	areaNames := map[int64]string{}
	for _, u := range units {
		name, ok := areaNames[u.AreaID]
		if !ok {
			a, err := s.areas.Get(r.Context(), u.AreaID)
			if err != nil {
				return err
			}
			name, areaNames[u.AreaID] = a.Name, a.Name
		}
		row := unitRow{
			ID: u.ID, Name: u.Name, Kind: i18n.T(lang, "ui.unit_kind."+string(u.Kind)), Rank: i18n.T(lang, "ui.rank."+string(u.Rank)),
			Since: u.StartedOn.String(), AreaID: u.AreaID, Area: name, OrgID: u.OrgID,
		}
		if u.OrgID != 0 {
			o, err := s.people.Org(r.Context(), u.OrgID)
			if err != nil {
				return err
			}
			row.Org = o.Name
		}
		page.Rows = append(page.Rows, row)
	}
	return nil
}
