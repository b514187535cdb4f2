package people

import (
	"context"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

// leadershipJSON is a party organisation's terms, newest last, and the
// posts held on as_of.
type leadershipJSON struct {
	AsOf  string `json:"as_of"`
	Terms []Term `json:"terms"`
	Posts []Post `json:"posts"`
}

// leadershipGet serves GET /api/v1/party-orgs/{id}/leadership?as_of=: the
// terms of an area's or a unit's own party organisation and its team on
// that day.
func (h *apiHandlers) leadershipGet(w http.ResponseWriter, r *http.Request) {
	id, on, ok := h.pathAndDay(w, r)
	if !ok {
		return
	}
	out := leadershipJSON{AsOf: on.String()}
	var err error
	if out.Terms, err = h.people.Terms(r.Context(), id); err == nil {
		out.Posts, err = h.people.Leadership(r.Context(), id, on)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	out.Terms, out.Posts = nonNil(out.Terms), nonNil(out.Posts)
	h.WriteJSON(w, r, http.StatusOK, out)
}

// electionRequest is POST /api/v1/party-orgs/{id}/elections.
type electionRequest struct {
	Number         int           `json:"number"`
	ElectedOn      string        `json:"elected_on"`
	StartedOn      string        `json:"started_on"`
	ExpectedVoters int           `json:"expected_voters"`
	PresentVoters  int           `json:"present_voters"`
	VotesCast      int           `json:"votes_cast"`
	Note           string        `json:"note"`
	Posts          []electedPost `json:"posts"`
}

func (q electionRequest) DateOn() string { return q.ElectedOn }

// electedPost is one post an election fills: a recorded person, or a new
// one (new_person) whom the election brings in.
type electedPost struct {
	PersonID  int64          `json:"person_id"`
	NewPerson *personRequest `json:"new_person"`
	Role      Role           `json:"role"`
	UnitID    int64          `json:"unit_id"`
}

// electionCreate serves POST /api/v1/party-orgs/{id}/elections: records a
// general election, the term it began and the posts it filled, ending the
// previous term, in one transaction (201, the team as it starts).
func (h *apiHandlers) electionCreate(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req electionRequest) (api.Answer, error) {
		started, err := optionalDate("started_on", req.StartedOn)
		if err != nil {
			return api.Answer{}, err
		}
		in := ElectionInput{OrgID: id, Number: req.Number, ElectedOn: on, StartedOn: started, ExpectedVoters: req.ExpectedVoters,
			PresentVoters: req.PresentVoters, VotesCast: req.VotesCast, Note: req.Note}
		for i, p := range req.Posts {
			post := PostInput{PersonID: p.PersonID, Role: p.Role, UnitID: p.UnitID}
			if p.NewPerson != nil {
				birth, err := optionalDate(postField(i, "new_person.birth_date"), p.NewPerson.BirthDate)
				if err != nil {
					return api.Answer{}, err
				}
				np := p.NewPerson
				post.New = &PersonInput{Name: np.Name, Gender: np.Gender, Ethnicity: np.Ethnicity, BirthDate: birth,
					IDNumber: np.IDNumber, Phone: np.Phone, Education: np.Education, Address: np.Address}
			}
			in.Posts = append(in.Posts, post)
		}
		termID, err := h.people.Elect(ctx, in)
		if err != nil {
			return api.Answer{}, api.InvalidRef(api.Relabel(err, "on", "elected_on"))
		}
		if started.IsZero() {
			started = on
		}
		terms, err := h.people.Terms(ctx, id)
		if err != nil {
			return api.Answer{}, err
		}
		posts, err := h.people.Leadership(ctx, id, started)
		if err != nil {
			return api.Answer{}, err
		}
		out := leadershipJSON{AsOf: started.String(), Posts: nonNil(posts), Terms: []Term{}}
		for _, t := range terms {
			if t.ID == termID {
				out.Terms = append(out.Terms, t)
			}
		}
		return api.Answer{Status: http.StatusCreated, Location: "/api/v1/party-orgs/" + itoa(id) + "/leadership", Body: out}, nil
	})
}
