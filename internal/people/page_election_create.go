package people

import (
	"dangjian/internal/web"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/i18n"
)

// electionRows is how many post rows the election form shows.
const electionRows = 7

// electionPage is the data of the election form.
type electionPage struct {
	Org    OrgRef
	Fields []web.Field
	Rows   []electionRow
	Error  string
	Roles  []web.Option
}

// electionRow is one post row of the form, with its own refusal.
type electionRow struct {
	N                                      int
	PersonID, IDNumber, Name, Role, UnitID string
	People, Roles                          []web.Option
	// UnitField picks a concurrent member's unit among the units of the
	// user's scope, as the posts import reads them.
	UnitField         web.Field
	Error, ErrorField string
}

// electionCreate shows and applies the general election form: the term's
// figures and the posts it elected, each person chosen from the branch's
// members or found by ID number, or (with a name) recorded as new. A refusal is shown next to the field or
// the post row it concerns, with everything typed kept.
func (s *pages) electionCreate(w http.ResponseWriter, r *http.Request) {
	o, ok := s.loadPeopleOrg(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	lang := web.Lang(r)
	values := web.Defaults(s.today(), "elected_on", s.today().String())
	values.Del("on")
	status := http.StatusOK
	var refusal *i18n.Error
	refusedRow := -1
	switch r.Method {
	case http.MethodGet, http.MethodHead:
	case http.MethodPost:
		if err := r.ParseForm(); err != nil {
			refusal, status = i18n.Errf("", "err.body_invalid", err.Error()), http.StatusBadRequest
			break
		}
		values = r.PostForm
		in, rows, err := s.electionInput(r, o)
		if err == nil {
			_, err = s.people.Elect(ctx, in)
		}
		if err == nil {
			web.SetFlash(w, "ui.flash.elected", o.Name)
			web.SeeOther(w, r, leadershipURL(o.ID))
			return
		}
		e, isUser := web.UserError(err)
		if !isUser {
			s.ServerError(w, r, err)
			return
		}
		refusal, status = e, web.UserErrorStatus(e)
		if status == http.StatusForbidden {
			s.AuditDenied(r, e.Key)
		}
		// posts[i].field: the i-th row sent, which is form row rows[i].
		if rest, ok := strings.CutPrefix(e.Field, "posts["); ok {
			if i, f, ok := strings.Cut(rest, "]."); ok {
				if n, err := strconv.Atoi(i); err == nil && n >= 0 && n < len(rows) {
					refusedRow, e.Field = rows[n], f
				}
			}
		}
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	page := electionPage{Org: o}
	fp := web.FormPage{}
	topRefusal := refusal
	if refusedRow >= 0 {
		topRefusal = nil
	}
	fp.Fill([]web.Field{
		{Name: "number", Label: i18n.T(lang, "ui.term.number"), Type: "text", Help: i18n.T(lang, "ui.help.term_number")},
		{Name: "elected_on", Label: i18n.T(lang, "ui.term.elected_on"), Type: "date", Required: true, Help: i18n.T(lang, "ui.help.date")},
		{Name: "started_on", Label: i18n.T(lang, "ui.term.started_on"), Type: "date", Help: i18n.T(lang, "ui.help.started_on")},
		{Name: "expected_voters", Label: i18n.T(lang, "ui.term.expected_voters"), Type: "text", Required: true},
		{Name: "present_voters", Label: i18n.T(lang, "ui.term.present_voters"), Type: "text", Required: true},
		{Name: "votes_cast", Label: i18n.T(lang, "ui.term.votes_cast"), Type: "text", Required: true},
		web.NoteField(lang),
	}, values, topRefusal, lang)
	page.Fields, page.Error = fp.Fields, fp.Error
	members, err := s.people.ListMembers(ctx, MemberFilter{OrgID: o.ID, Limit: 500})
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	personOpts := []web.Option{{Value: "", Label: i18n.T(lang, "ui.election.by_id_number")}}
	for _, m := range members {
		personOpts = append(personOpts, web.Option{Value: web.Itoa(m.Person.ID), Label: m.Person.Name + " · " + m.Person.IDNumber})
	}
	n := electionRows
	for i := electionRows; i < 100 && values.Has(rowName("role", i)); i++ {
		n = i + 1
	}
	for i := 0; i < n; i++ {
		row := electionRow{N: i, PersonID: values.Get(rowName("person_id", i)), IDNumber: values.Get(rowName("id_number", i)),
			Name: values.Get(rowName("name", i)), Role: values.Get(rowName("role", i)), UnitID: values.Get(rowName("unit_id", i))}
		row.People = web.Selected(append([]web.Option(nil), personOpts...), row.PersonID)
		row.Roles = web.Selected(web.EnumOptions(lang, "ui.role_post.", "", "secretary", "deputy_secretary", "member", "concurrent_member"), row.Role)
		if i == refusedRow {
			row.Error, row.ErrorField = refusal.In(lang), refusal.Field
		}
		unit := rowName("unit_id", i)
		if values.Get(unit) != "" && values.Get(unit+"_q") == "" {
			_, _ = s.Pick(ctx, "units", values, unit, nil) // the label of a unit sent by id
		}
		row.UnitField = web.Field{Name: unit, Pick: "units", Value: values.Get(unit), Text: values.Get(unit + "_q"), Error: row.errorOn("unit_id")}
		page.Rows = append(page.Rows, row)
	}
	s.Render(w, r, status, "election", &web.View{Title: i18n.T(lang, "ui.election.title", o.Name), Nav: "tree", D: &page})
}

func rowName(f string, i int) string { return f + "_" + strconv.Itoa(i) }

// errorOn is the row's refusal when it concerns field.
func (r electionRow) errorOn(field string) string {
	if r.ErrorField == field {
		return r.Error
	}
	return ""
}

// electionInput reads the form into an election; rows maps each post sent
// to the form row it came from. A row with neither a person nor an ID
// number is empty and skipped.
func (s *pages) electionInput(r *http.Request, o OrgRef) (ElectionInput, []int, error) {
	v := r.PostForm
	in := ElectionInput{OrgID: o.ID, Note: v.Get("note")}
	var err error
	for _, n := range []struct {
		name string
		to   *int
	}{{"number", &in.Number}, {"expected_voters", &in.ExpectedVoters}, {"present_voters", &in.PresentVoters}, {"votes_cast", &in.VotesCast}} {
		x := strings.TrimSpace(v.Get(n.name))
		if x == "" {
			continue
		}
		if *n.to, err = strconv.Atoi(x); err != nil {
			return in, nil, i18n.Errf(n.name, "ui.err.number_invalid", x)
		}
	}
	if in.ElectedOn, err = web.ParseOn(v, "elected_on"); err != nil {
		return in, nil, err
	}
	if in.StartedOn, err = web.ParseOn(v, "started_on"); err != nil {
		return in, nil, err
	}
	var rows []int
	for i := 0; i < 100 && (i < electionRows || v.Has(rowName("role", i))); i++ {
		pid := web.ParseID(v.Get(rowName("person_id", i)))
		idn := strings.TrimSpace(v.Get(rowName("id_number", i)))
		if pid == 0 && idn == "" {
			continue
		}
		post := PostInput{PersonID: pid, Role: Role(v.Get(rowName("role", i)))}
		if post.UnitID, err = s.Pick(r.Context(), "units", v, rowName("unit_id", i), nil); err != nil {
			if e, ok := web.UserError(err); ok {
				e.Field = "posts[" + strconv.Itoa(len(rows)) + "].unit_id"
			}
			return in, append(rows, i), err
		}
		if pid == 0 {
			p, err := s.people.FindByIDNumber(r.Context(), idn)
			name := strings.TrimSpace(v.Get(rowName("name", i)))
			unknown := errors.Is(err, ErrNotFound) // nobody has the number (one outside the scope is refused as such)
			switch {
			case err == nil:
				post.PersonID = p.ID
			case unknown && name != "":
				// Not in the system yet: the election records them.
				post.New = &PersonInput{Name: name, IDNumber: idn, Gender: GenderFromID(idn)}
			default:
				if unknown {
					err = i18n.Errf("id_number", "err.election_person_unknown")
				}
				if e, ok := web.UserError(err); ok {
					e.Field = "posts[" + strconv.Itoa(len(rows)) + "]." + e.Field
				}
				return in, append(rows, i), err
			}
		}
		rows = append(rows, i)
		in.Posts = append(in.Posts, post)
	}
	return in, rows, nil
}
