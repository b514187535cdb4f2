package people

import (
	"dangjian/internal/web"
	"net/http"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// memberPage is the data of a member's page.
type memberPage struct {
	Person                       Person
	Gender, Education            string
	Revealed                     bool
	Memberships                  []membershipLine
	Posts                        []postLine
	Registrations                []registrationLine
	Open                         bool
	CanWrite, CanReveal, CanConv bool
}

// membershipLine is one membership of the history.
type membershipLine struct {
	OrgID                    int64
	Org, From, To            string
	Start, End               string
	Status, Category, Joined string
	// Changes lists the status changes: probationary from joining, full
	// from the conversion.
	Changes []string
	Note    string
	Open    bool
}

// postLine is one post held.
type postLine struct {
	PersonID              int64
	Person                string
	Role, Place, From, To string
	OrgID, AreaID, UnitID int64
	Unit                  string
	Term                  int
}

// registrationLine is one registration with a community.
type registrationLine struct {
	ID               int64
	Kind, Name, Area string
	AreaID, PersonID int64
	From, To, Note   string
}

// memberShow renders a member: facts (ID and phone masked), membership
// history, posts and registrations, and the forms that change them.
func (s *pages) memberShow(w http.ResponseWriter, r *http.Request) {
	p, ok := s.loadPerson(w, r)
	if !ok {
		return
	}
	s.renderMember(w, r, p, false)
}

// renderMember renders the member page; revealed shows p's full numbers.
func (s *pages) renderMember(w http.ResponseWriter, r *http.Request, p Person, revealed bool) {
	ctx := r.Context()
	lang := web.Lang(r)
	page := memberPage{Person: p, Revealed: revealed, Gender: i18n.T(lang, "ui.gender."+string(p.Gender))}
	if p.Education != "" {
		page.Education = i18n.T(lang, "ui.education."+string(p.Education))
	}
	u, _ := web.Principal(r)
	page.CanWrite, page.CanReveal = u.Can(WritePeople), u.Can(auth.RevealPII)
	ms, err := s.people.History(ctx, p.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	for _, m := range ms {
		l := membershipLine{
			OrgID: m.OrgID, Org: m.OrgName, From: m.From.String(), To: m.To.String(), Open: m.To.IsZero(),
			Start: i18n.T(lang, "ui.start_reason."+string(m.StartReason)), Status: i18n.T(lang, "ui.status."+string(m.Status)),
			Category: i18n.T(lang, "ui.category."+string(m.Category)), Joined: m.JoinedPartyOn.String(), Note: m.Note,
		}
		if m.FromOrgName != "" {
			l.Start = i18n.T(lang, "ui.member.start_from", l.Start, m.FromOrgName)
		}
		if m.EndReason != "" {
			l.End = i18n.T(lang, "ui.end_reason."+string(m.EndReason))
			if m.ToOrgName != "" {
				l.End = i18n.T(lang, "ui.member.end_to", l.End, m.ToOrgName)
			}
		}
		if !m.FullOn.IsZero() {
			l.Changes = append(l.Changes, i18n.T(lang, "ui.member.became_full", m.FullOn.String()))
		} else if m.Status == Probationary {
			l.Changes = append(l.Changes, i18n.T(lang, "ui.member.probationary_since", m.JoinedPartyOn.String()))
		}
		if l.Open {
			page.Open = true
			page.CanConv = m.Status == Probationary
		}
		page.Memberships = append(page.Memberships, l)
	}
	posts, err := s.people.PersonPosts(ctx, p.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page.Posts = postLines(lang, posts)
	regs, err := s.people.PersonRegistrations(ctx, p.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page.Registrations = registrationLines(lang, regs)
	s.Render(w, r, http.StatusOK, "member", &web.View{Title: p.Name, Nav: "members", D: &page})
}

func postLines(lang i18n.Lang, posts []PlacedPost) []postLine {
	out := make([]postLine, 0, len(posts))
	for _, x := range posts {
		out = append(out, postLine{
			PersonID: x.PersonID, Person: x.PersonName, Role: i18n.T(lang, "ui.role_post."+string(x.Role)), Place: x.PlaceName,
			From: x.From.String(), To: x.To.String(), OrgID: x.OrgID, AreaID: x.AreaID, UnitID: x.UnitID, Unit: x.UnitName, Term: x.TermNumber,
		})
	}
	return out
}

func registrationLines(lang i18n.Lang, regs []PlacedRegistration) []registrationLine {
	out := make([]registrationLine, 0, len(regs))
	for _, x := range regs {
		out = append(out, registrationLine{
			ID: x.ID, Kind: i18n.T(lang, "ui.registration_kind."+string(x.Kind)), Name: x.Name, Area: x.AreaName, AreaID: x.AreaID,
			PersonID: x.PersonID, From: x.From.String(), To: x.To.String(), Note: x.Note,
		})
	}
	return out
}
