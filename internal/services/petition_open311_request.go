package services

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/access"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// open311Request serves GET /api/v1/open311/requests/{id}.json (the
// router names the segment "{id}.json" {request}): the one case as GeoReport
// v2 answers a single service request, an array of one request with the
// fields of requests.json. A case outside the caller's subtree is refused
// as the access checks refuse a path target (403), so that an outsider
// does not learn whether it exists.
func (a *petitionAPI) open311Request(w http.ResponseWriter, r *http.Request) {
	seg := strings.TrimSuffix(r.PathValue("request"), ".json")
	id, err := strconv.ParseInt(seg, 10, 64)
	if err != nil || id <= 0 {
		a.Fail(w, r, i18n.Errf("request", "err.id_invalid", r.PathValue("request")))
		return
	}
	ctx := r.Context()
	p, err := a.s.load(ctx, a.s.DB.Reader(), "id", id)
	if errors.Is(err, fault.NotFound) && a.s.scope(ctx) != 0 {
		err = access.OutOfScope()
	}
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	a.WriteJSON(w, r, http.StatusOK, []open311Request{open311Out(p)})
}
