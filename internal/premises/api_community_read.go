package premises

import (
	"net/http"
	"strings"

	"dangjian/internal/api"
	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// communityJSON is a community's premises page in the API: its premises
// with their rooms, office funding by year, land, building projects and
// its three-lacks state on a day, each lack with its reason in the
// request's language.
type communityJSON struct {
	Area     area.Area       `json:"area"`
	On       date.Date       `json:"on"`
	Premises []PremisesRooms `json:"premises"`
	Funding  []FundingYear   `json:"funding"`
	Land     []Land          `json:"land"`
	Projects []Project       `json:"projects"`
	State    stateJSON       `json:"state"`
}

// stateJSON is the three-lacks state of a community on a day.
type stateJSON struct {
	On         date.Date `json:"on"`
	Office     lackJSON  `json:"office"`
	Funding    lackJSON  `json:"funding"`
	Land       lackJSON  `json:"land"`
	ThreeLacks bool      `json:"three_lacks"`
}

// lackJSON says whether one of the three is lacking: Code is the stable
// name of the reason (or of what there is), Reason the sentence.
type lackJSON struct {
	Lacks  bool   `json:"lacks"`
	Code   string `json:"code"`
	Arg    string `json:"arg,omitempty"`
	Reason string `json:"reason"`
}

func lackOf(lang i18n.Lang, l Lack) lackJSON {
	var args []any
	if l.Arg != "" {
		args = append(args, l.Arg)
	}
	return lackJSON{Lacks: l.Lacks, Code: strings.TrimPrefix(l.Why, "ui."), Arg: l.Arg, Reason: i18n.T(lang, l.Why, args...)}
}

// communityGet serves GET /api/v1/areas/{id}/premises?on=: the community's
// premises page, its state on ?on= (today when absent).
func (h *apiHandlers) communityGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	var on date.Date
	if err == nil {
		on, err = api.ParseDate("on", r.URL.Query().Get("on"))
	}
	var v CommunityView
	if err == nil {
		v, err = h.s.Community(r.Context(), id, on)
	}
	if err != nil {
		h.Fail(w, r, api.Relabel(err, "area_id", "id"))
		return
	}
	lang := api.Lang(r)
	out := communityJSON{Area: v.Area, On: v.On, Premises: nonNil(v.Premises), Funding: nonNil(v.Funding), Land: nonNil(v.Land),
		Projects: nonNil(v.Projects), State: stateJSON{On: v.State.On, ThreeLacks: v.State.ThreeLacks,
			Office: lackOf(lang, v.State.Office), Funding: lackOf(lang, v.State.Funding), Land: lackOf(lang, v.State.Land)}}
	for i := range out.Premises {
		out.Premises[i].Rooms = nonNil(out.Premises[i].Rooms)
	}
	for i := range out.Projects {
		out.Projects[i].Steps = nonNil(out.Projects[i].Steps)
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}
