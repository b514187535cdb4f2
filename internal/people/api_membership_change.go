package people

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"dangjian/internal/api"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// enrolRequest is POST /api/v1/members: a person not yet recorded and
// their first membership, which starts on "on".
type enrolRequest struct {
	Person     personRequest     `json:"person"`
	Membership membershipRequest `json:"membership"`
	On         string            `json:"on"`
}

func (q enrolRequest) DateOn() string { return q.On }

// personRequest is a person as the API takes it: plain numbers, which the
// store checks and encrypts; dates as YYYY-MM-DD.
type personRequest struct {
	Name      string    `json:"name"`
	Gender    Gender    `json:"gender"`
	Ethnicity string    `json:"ethnicity"`
	BirthDate string    `json:"birth_date"`
	IDNumber  string    `json:"id_number"`
	Phone     string    `json:"phone"`
	Education Education `json:"education"`
	Address   string    `json:"address"`
}

// membershipRequest is a membership's facts as the API takes them.
type membershipRequest struct {
	OrgID         int64       `json:"org_id"`
	Status        Status      `json:"status"`
	Category      Category    `json:"category"`
	JoinedPartyOn string      `json:"joined_party_on"`
	FullOn        string      `json:"full_on"`
	Reason        StartReason `json:"reason"`
	FromOrgName   string      `json:"from_org_name"`
	Note          string      `json:"note"`
}

// input turns the request into the store's input, each date parsed and a
// bad one refused naming its field.
func (q enrolRequest) input(on date.Date) (EnrolInput, error) {
	birth, err := optionalDate("person.birth_date", q.Person.BirthDate)
	if err != nil {
		return EnrolInput{}, err
	}
	joined, err := optionalDate("membership.joined_party_on", q.Membership.JoinedPartyOn)
	if err != nil {
		return EnrolInput{}, err
	}
	full, err := optionalDate("membership.full_on", q.Membership.FullOn)
	if err != nil {
		return EnrolInput{}, err
	}
	p, m := q.Person, q.Membership
	return EnrolInput{
		Person: PersonInput{Name: p.Name, Gender: p.Gender, Ethnicity: p.Ethnicity, BirthDate: birth, IDNumber: p.IDNumber,
			Phone: p.Phone, Education: p.Education, Address: p.Address},
		Membership: MembershipInput{OrgID: m.OrgID, Status: m.Status, Category: m.Category, JoinedPartyOn: joined, FullOn: full,
			From: on, Reason: m.Reason, FromOrgName: m.FromOrgName, Note: m.Note},
	}, nil
}

// optionalDate parses s, the zero date when empty.
func optionalDate(field, s string) (date.Date, error) {
	if s == "" {
		return date.Date{}, nil
	}
	return api.ParseDate(field, s)
}

// membershipAnswer is the answer to an enrolment or a membership change:
// the person and the membership the change opened (or the one it changed).
type membershipAnswer struct {
	PersonID     int64 `json:"person_id"`
	MembershipID int64 `json:"membership_id"`
}

// personURL is a person in the API.
func personURL(id int64) string { return "/api/v1/persons/" + itoa(id) }

// memberEnrol serves POST /api/v1/members: records the person and their
// first membership in one transaction (201, Location of the person).
func (h *apiHandlers) memberEnrol(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.NoID, func(ctx context.Context, _ int64, on date.Date, req enrolRequest) (api.Answer, error) {
		// An organisation outside the caller's subtree is refused before
		// anything else is checked: an outsider learns nothing of it.
		if err := h.orgInScope(ctx, "membership.org_id", req.Membership.OrgID); err != nil {
			return api.Answer{}, err
		}
		in, err := req.input(on)
		if err != nil {
			return api.Answer{}, err
		}
		pid, mid, err := h.people.Enrol(ctx, in)
		if err != nil {
			return api.Answer{}, api.InvalidRef(renameMembershipField(err))
		}
		return api.Answer{Status: http.StatusCreated, Location: personURL(pid), Body: membershipAnswer{pid, mid}}, nil
	})
}

// renameMembershipField places a refusal of the membership's facts under
// the request's "membership." object; "from" is the request's "on".
func renameMembershipField(err error) error {
	switch f := fieldOf(err); f {
	case "from":
		return api.Relabel(err, f, "on")
	case "org_id", "status", "category", "joined_party_on", "full_on", "reason", "from_org_name":
		return api.Relabel(err, f, "membership."+f)
	case "name", "gender", "ethnicity", "birth_date", "id_number", "phone", "education", "address":
		return api.Relabel(err, f, "person."+f)
	}
	return err
}

// transferRequest is POST /api/v1/persons/{id}/transfer.
type transferRequest struct {
	ToOrgID  int64    `json:"to_org_id"`
	Category Category `json:"category"`
	On       string   `json:"on"`
	Note     string   `json:"note"`
}

func (q transferRequest) DateOn() string { return q.On }

// memberTransfer serves POST /api/v1/persons/{id}/transfer: ends the open
// membership and opens one in another organisation of the system on "on".
func (h *apiHandlers) memberTransfer(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req transferRequest) (api.Answer, error) {
		m, err := h.people.OpenMembership(ctx, id)
		if err != nil {
			return api.Answer{}, err
		}
		mid, err := h.people.Transfer(ctx, TransferInput{MembershipID: m.ID, ToOrgID: req.ToOrgID, On: on, Category: req.Category, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.InvalidRef(err)
		}
		return api.Answer{Status: http.StatusCreated, Location: personURL(id), Body: membershipAnswer{id, mid}}, nil
	})
}

// endRequest is POST /api/v1/persons/{id}/end.
type endRequest struct {
	Reason    EndReason `json:"reason"`
	ToOrgName string    `json:"to_org_name"`
	On        string    `json:"on"`
	Note      string    `json:"note"`
}

func (q endRequest) DateOn() string { return q.On }

// memberEnd serves POST /api/v1/persons/{id}/end: ends the open membership
// on "on" (a transfer out of the system names where to).
func (h *apiHandlers) memberEnd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req endRequest) (api.Answer, error) {
		m, err := h.people.OpenMembership(ctx, id)
		if err != nil {
			return api.Answer{}, err
		}
		if err := h.people.End(ctx, EndInput{MembershipID: m.ID, On: on, Reason: req.Reason, ToOrgName: req.ToOrgName, Note: req.Note}); err != nil {
			return api.Answer{}, err
		}
		return api.Answer{Status: http.StatusOK, Body: membershipAnswer{id, m.ID}}, nil
	})
}

// convertRequest is POST /api/v1/persons/{id}/convert.
type convertRequest struct {
	On string `json:"on"`
}

func (q convertRequest) DateOn() string { return q.On }

// memberConvert serves POST /api/v1/persons/{id}/convert: the probationary
// member becomes full on "on" (转正).
func (h *apiHandlers) memberConvert(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req convertRequest) (api.Answer, error) {
		m, err := h.people.OpenMembership(ctx, id)
		if err != nil {
			return api.Answer{}, err
		}
		if err := h.people.Convert(ctx, ConvertInput{MembershipID: m.ID, On: on}); err != nil {
			return api.Answer{}, err
		}
		return api.Answer{Status: http.StatusOK, Body: membershipAnswer{id, m.ID}}, nil
	})
}

// fieldOf is the input field a refusal names, "" for none.
func fieldOf(err error) string {
	var e *i18n.Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// startRequest is POST /api/v1/persons/{id}/memberships: a membership of a
// recorded person, starting on "on".
type startRequest struct {
	membershipRequest
	On string `json:"on"`
}

func (q startRequest) DateOn() string { return q.On }

// memberStart serves POST /api/v1/persons/{id}/memberships: a recorded
// person (a former member, say) starts a membership (201).
func (h *apiHandlers) memberStart(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, id int64, on date.Date, req startRequest) (api.Answer, error) {
		if err := h.orgInScope(ctx, "org_id", req.OrgID); err != nil {
			return api.Answer{}, err
		}
		joined, err := optionalDate("joined_party_on", req.JoinedPartyOn)
		if err != nil {
			return api.Answer{}, err
		}
		full, err := optionalDate("full_on", req.FullOn)
		if err != nil {
			return api.Answer{}, err
		}
		mid, err := h.people.Start(ctx, MembershipInput{PersonID: id, OrgID: req.OrgID, Status: req.Status, Category: req.Category,
			JoinedPartyOn: joined, FullOn: full, From: on, Reason: req.Reason, FromOrgName: req.FromOrgName, Note: req.Note})
		if err != nil {
			return api.Answer{}, api.InvalidRef(api.Relabel(err, "from", "on"))
		}
		return api.Answer{Status: http.StatusCreated, Location: personURL(id), Body: membershipAnswer{id, mid}}, nil
	})
}
