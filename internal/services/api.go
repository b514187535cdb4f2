package services

import (
	_ "embed"
	"net/http"
	"strconv"

	"dangjian/internal/api"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// apiHandlers are the API's handlers of part four (b).
type apiHandlers struct {
	*api.Handler
	s *Store
}

//go:embed openapi.json
var openAPIDoc []byte

// API is part four (b)'s share of the JSON API: for outlets, designations,
// service records, placements and good deeds, the list of the scope (with
// its count by kind), recording one, correcting one and, for what ends
// (an outlet, a designation, a placement), ending it. Dates are
// YYYY-MM-DD; a placed person's ID number is answered masked.
func API(st *Store) api.Module {
	return api.Module{
		Name: "services",
		Doc:  openAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			s := &apiHandlers{Handler: h, s: st}
			out, des, rec, pla, dee := st.OutletPlace(), st.DesignationPlace(), st.RecordPlace(), st.PlacementPlace(), st.DeedPlace()
			return append([]api.Route{
				{Method: http.MethodGet, Path: "/api/v1/outlets", Perm: ReadServices, Handle: s.outletList, Response: outletsJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/outlets", Perm: WriteServices, Handle: s.outletCreate, Request: outletRequest{}, Response: Outlet{}},
				{Method: http.MethodPost, Path: "/api/v1/outlets/{id}", Perm: WriteServices, Place: out, Handle: s.outletUpdate, Request: outletChangeRequest{}, Response: Outlet{}},
				{Method: http.MethodPost, Path: "/api/v1/outlets/{id}/end", Perm: WriteServices, Place: out, Handle: s.outletEnd, Request: endRequest{}, Response: Outlet{}},
				{Method: http.MethodGet, Path: "/api/v1/designations", Perm: ReadServices, Handle: s.designationList, Response: designationsJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/designations", Perm: WriteServices, Handle: s.designationCreate, Request: designationRequest{}, Response: Designation{}},
				{Method: http.MethodPost, Path: "/api/v1/designations/{id}", Perm: WriteServices, Place: des, Handle: s.designationUpdate, Request: designationChangeRequest{}, Response: Designation{}},
				{Method: http.MethodPost, Path: "/api/v1/designations/{id}/end", Perm: WriteServices, Place: des, Handle: s.designationEnd, Request: designationEndRequest{}, Response: Designation{}},
				{Method: http.MethodGet, Path: "/api/v1/service-records", Perm: ReadServices, Handle: s.recordList, Response: recordsJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/service-records", Perm: WriteServices, Handle: s.recordCreate, Request: recordRequest{}, Response: Record{}},
				{Method: http.MethodPost, Path: "/api/v1/service-records/{id}", Perm: WriteServices, Place: rec, Handle: s.recordUpdate, Request: recordChangeRequest{}, Response: Record{}},
				{Method: http.MethodGet, Path: "/api/v1/placements", Perm: ReadServices, Handle: s.placementList, Response: placementsJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/placements", Perm: WriteServices, Handle: s.placementCreate, Request: placementRequest{}, Response: Placement{}},
				{Method: http.MethodPost, Path: "/api/v1/placements/{id}", Perm: WriteServices, Place: pla, Handle: s.placementUpdate, Request: placementChangeRequest{}, Response: Placement{}},
				{Method: http.MethodPost, Path: "/api/v1/placements/{id}/end", Perm: WriteServices, Place: pla, Handle: s.placementEnd, Request: endRequest{}, Response: Placement{}},
				{Method: http.MethodGet, Path: "/api/v1/good-deeds", Perm: ReadServices, Handle: s.deedList, Response: deedsJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/good-deeds", Perm: WriteServices, Handle: s.deedCreate, Request: deedRequest{}, Response: Deed{}},
				{Method: http.MethodPost, Path: "/api/v1/good-deeds/{id}", Perm: WriteServices, Place: dee, Handle: s.deedUpdate, Request: deedChangeRequest{}, Response: Deed{}},
			}, sheetAPIRoutes(s)...)
		},
	}
}

// listQuery is what every list reads: ?area= (the scope when absent),
// ?after= (the last id of the previous page), ?kind=, ?from= and ?to=.
type listQuery struct {
	AreaID, After int64
	Kind          string
	From, To      date.Date
}

// readList reads a list's query, refusing a kind not in kinds.
func readList(r *http.Request, kinds []string) (listQuery, error) {
	q := r.URL.Query()
	var l listQuery
	for _, p := range []struct {
		name string
		dst  *int64
	}{{"area", &l.AreaID}, {"after", &l.After}} {
		if v := q.Get(p.name); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 {
				return l, i18n.Errf(p.name, "err.svc_count_invalid")
			}
			*p.dst = n
		}
	}
	if l.Kind = q.Get("kind"); l.Kind != "" && !oneOf(l.Kind, kinds) {
		return l, i18n.Errf("kind", "err.svc_kind_unknown", l.Kind)
	}
	var err error
	if l.From, err = api.ParseDate("from", q.Get("from")); err != nil {
		return l, err
	}
	l.To, err = api.ParseDate("to", q.Get("to"))
	return l, err
}

// next is the "after" of the next page: the last id when the page is full.
func next(ids int, last int64) string {
	if ids < 50 {
		return ""
	}
	return itoa(last)
}

// strs is kinds as strings.
func strs[T ~string](kinds []T) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

// endRequest is the day an outlet closes or a placement's job ended.
type endRequest struct {
	On string `json:"on"`
}

func (q endRequest) DateOn() string { return q.On }

// created is a 201 with the record's API location.
func created(path string, id int64, body any) api.Answer {
	return api.Answer{Status: http.StatusCreated, Location: path + "/" + itoa(id), Body: body}
}
