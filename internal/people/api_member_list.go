package people

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// memberListJSON is one page of the member list and where the next begins.
type memberListJSON struct {
	Members []MemberRow `json:"members"`
	// Next is the value of ?after= for the next page; absent on the last.
	Next int64 `json:"next,omitempty"`
}

// memberList serves GET /api/v1/members: one page of the members with a
// membership active on ?active_on= (today) in an organisation of the
// caller's scope or of ?area=, narrowed by ?name= (a prefix), ?org_id=,
// ?category= and ?status=, in person order after ?after=, ?limit= rows
// (1–500, default 50). Numbers are masked.
func (h *apiHandlers) memberList(w http.ResponseWriter, r *http.Request) {
	f, err := memberFilter(r)
	if err == nil && r.URL.Query().Has("area") {
		f.AreaID, err = h.listArea(r)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	rows, err := h.people.ListMembers(r.Context(), f)
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	out := memberListJSON{Members: nonNil(rows)}
	if len(rows) == f.Limit {
		out.Next = rows[len(rows)-1].Person.ID
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}

// memberFilter reads the list's query parameters, refusing a malformed one
// by its name.
func memberFilter(r *http.Request) (MemberFilter, error) {
	q := r.URL.Query()
	f := MemberFilter{Name: strings.TrimSpace(q.Get("name")), Category: Category(q.Get("category")), Status: Status(q.Get("status")), Limit: 50}
	for _, p := range []struct {
		name string
		dst  *int64
	}{{"org_id", &f.OrgID}, {"after", &f.After}} {
		if v := q.Get(p.name); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				return f, i18n.Errf(p.name, "err.id_invalid", v)
			}
			*p.dst = n
		}
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 500 {
			return f, i18n.Errf("limit", "err.api_limit", 500, v)
		}
		f.Limit = n
	}
	if v := q.Get("active_on"); v != "" {
		d, err := date.Parse(v)
		if err != nil {
			return f, i18n.Errf("active_on", "err.date_invalid", v)
		}
		f.ActiveOn = d
	}
	return f, nil
}
