package services

import (
	_ "embed"
	"net/http"
	"strconv"
	"time"

	"dangjian/internal/api"
	"dangjian/internal/i18n"
)

// petitionAPI are the API's handlers of the petitions.
type petitionAPI struct {
	*api.Handler
	s *PetitionStore
}

//go:embed petition_openapi.json
var petitionOpenAPIDoc []byte

// PetitionAPI is the petitions' share of the JSON API: the work list (open
// cases first, with the time left, overdue ones marked), a case with its
// requests (phones masked), receiving a request (a new case, or one more
// request of an open case), each step of a case, the rates with the
// departments' ranking, and a read-only Open311 GeoReport v2 view for
// other city systems. Times are RFC 3339 (a time without an offset is
// read in China Standard Time); dates are YYYY-MM-DD.
func PetitionAPI(st *PetitionStore) api.Module {
	return api.Module{
		Name: "petitions",
		Doc:  petitionOpenAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			a := &petitionAPI{Handler: h, s: st}
			pl := st.PetitionPlace()
			return []api.Route{
				{Method: http.MethodGet, Path: "/api/v1/petitions", Perm: ReadPetitions, Handle: a.list, Response: petitionsJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/petitions", Perm: WritePetitions, Handle: a.receive, Request: receiveRequest{}, Response: petitionJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/petitions/{id}", Perm: ReadPetitions, Place: pl, Handle: a.get, Response: petitionJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/petitions/{id}/requests", Perm: WritePetitions, Place: pl, Handle: a.attach, Request: requestRequest{}, Response: petitionJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/petitions/{id}/dispatch", Perm: WritePetitions, Place: pl, Handle: a.dispatch, Request: dispatchRequest{}, Response: petitionJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/petitions/{id}/accept", Perm: WritePetitions, Place: pl, Handle: a.accept, Request: momentRequest{}, Response: petitionJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/petitions/{id}/reply", Perm: WritePetitions, Place: pl, Handle: a.reply, Request: replyRequest{}, Response: petitionJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/petitions/{id}/resolve", Perm: WritePetitions, Place: pl, Handle: a.resolve, Request: dayRequest{}, Response: petitionJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/petitions/{id}/verify", Perm: WritePetitions, Place: pl, Handle: a.verify, Request: dayRequest{}, Response: petitionJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/petitions/{id}/callback", Perm: WritePetitions, Place: pl, Handle: a.callback, Request: callbackRequest{}, Response: petitionJSON{}},
				{Method: http.MethodGet, Path: "/api/v1/petition-rates", Perm: ReadPetitions, Handle: a.rates, Response: PetitionReport{}},
				{Method: http.MethodGet, Path: "/api/v1/open311/services.json", Perm: ReadPetitions, Handle: a.open311Services},
				{Method: http.MethodGet, Path: "/api/v1/open311/requests.json", Perm: ReadPetitions, Handle: a.open311Requests},
				{Method: http.MethodGet, Path: "/api/v1/open311/requests/{request}", Perm: ReadPetitions, Handle: a.open311Request},
				{Method: http.MethodGet, Path: "/api/v1/petitions/export", Perm: ReadPetitions, Handle: a.sheetExport},
				{Method: http.MethodPost, Path: "/api/v1/petitions/import", Perm: WritePetitions, Handle: a.sheetImport},
			}
		},
	}
}

// petitionJSON is a case with where it stands: its last step, who it was
// sent to, whether it is overdue (open past its limit) or was resolved
// late, and the minutes left while it is open (negative when overdue).
type petitionJSON struct {
	Petition
	Stage       string `json:"stage"`
	Agency      string `json:"agency"`
	Overdue     bool   `json:"overdue"`
	Late        bool   `json:"late"`
	MinutesLeft *int   `json:"minutes_left"`
}

func petitionOut(p Petition, now time.Time) petitionJSON {
	out := petitionJSON{Petition: p, Stage: p.Stage(), Agency: p.Agency(), Overdue: p.Overdue(now), Late: p.Late()}
	if p.Open() {
		m := int(p.Left(now) / time.Minute)
		out.MinutesLeft = &m
	}
	return out
}

// petitionsJSON is a page of the work list; next is the "after" of the
// next page ("" on the last).
type petitionsJSON struct {
	Petitions []petitionJSON `json:"petitions"`
	Next      string         `json:"next"`
}

// list serves GET /api/v1/petitions: the cases of the scope (or of
// ?area=), open ones first by their time limit, of a ?status= (open,
// closed) and ?type= when given, 50 a page (?after= the last id).
func (a *petitionAPI) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := PetitionFilter{Status: q.Get("status"), Type: PetitionType(q.Get("type")), Limit: 50}
	var err error
	if f.AreaID, err = queryID("area", q.Get("area")); err == nil {
		var after int64
		if after, err = queryID("after", q.Get("after")); err == nil && after != 0 {
			var last Petition
			last, err = a.s.load(r.Context(), a.s.DB.Reader(), "after", after)
			f.After = &last
		}
	}
	var rows []Petition
	if err == nil {
		rows, err = a.s.ListPetitions(r.Context(), f)
	}
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	now := a.s.Now()
	out := petitionsJSON{Petitions: []petitionJSON{}}
	for _, p := range rows {
		out.Petitions = append(out.Petitions, petitionOut(p, now))
	}
	if len(rows) == f.Limit {
		out.Next = strconv.FormatInt(rows[len(rows)-1].ID, 10)
	}
	a.WriteJSON(w, r, http.StatusOK, out)
}

// get serves GET /api/v1/petitions/{id}: the case with its requests.
func (a *petitionAPI) get(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	var p Petition
	if err == nil {
		p, err = a.s.Petition(r.Context(), id)
	}
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	a.WriteJSON(w, r, http.StatusOK, petitionOut(p, a.s.Now()))
}

// answer writes case id as it is now with status.
func (a *petitionAPI) answer(w http.ResponseWriter, r *http.Request, status int, id int64) {
	p, err := a.s.Petition(r.Context(), id)
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", "/api/v1/petitions/"+strconv.FormatInt(id, 10))
	}
	a.WriteJSON(w, r, status, petitionOut(p, a.s.Now()))
}

// queryID reads a positive id of a query parameter (0 when absent).
func queryID(field, s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, i18n.Errf(field, "err.id_invalid", s)
	}
	return n, nil
}
