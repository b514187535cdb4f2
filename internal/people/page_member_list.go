package people

import (
	"context"
	"dangjian/internal/web"
	"net/http"

	"strconv"
	"strings"

	"dangjian/internal/i18n"
)

// memberPageSize is how many members one page of the list shows unless
// ?limit= (1–500) asks for another number.
const memberPageSize = 50

// memberListPage is the data of the member list.
type memberListPage struct {
	Name, Org, Category, Status, On string
	// Limit is the page size the user asked for ("" for the default).
	Limit                string
	Categories, Statuses []web.Option
	// AreaField and OrgField are the pickers of the area and the branch.
	AreaField, OrgField web.Field
	Rows                []memberRow
	// Next is the link to the next page ("" on the last one); First the
	// link back to the first page when this is not it.
	Next, First string
	Error       string
	CanWrite    bool
	// Total says how many members the filter finds ("" on a refusal).
	Total string
}

// memberCountCap is how far a filtered list counts its members for the
// heading: counting is a walk over the rows (a city's 王 are 50,000).
const memberCountCap = 500

// memberRow is one line of the list.
type memberRow struct {
	ID                                  int64
	Name, Gender, IDNumber, Phone       string
	OrgID                               int64
	Org, Status, Category, Joined, From string
}

// memberList renders the members of the user's scope active on a date,
// narrowed by name prefix, branch, category and status, a page at a time
// (keyset: the next page starts after the last person's id).
func (s *pages) memberList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	lang := web.Lang(r)
	q := r.URL.Query()
	page := memberListPage{
		Name: strings.TrimSpace(q.Get("name")), Org: q.Get("org"), Category: q.Get("category"), Status: q.Get("status"),
		On: strings.TrimSpace(q.Get("on")), Limit: q.Get("limit"),
	}
	p, _ := web.Principal(r)
	page.CanWrite = p.Can(WritePeople)
	limit := int(web.ParseID(q.Get("limit")))
	if limit <= 0 || limit > 500 {
		limit = memberPageSize
	}
	f := MemberFilter{Name: page.Name, Category: Category(page.Category),
		Status: Status(page.Status), After: web.ParseID(q.Get("after")), Limit: limit}
	status := http.StatusOK
	on, err := web.ParseOn(q, "on")
	if err == nil {
		f.AreaID, err = s.Pick(ctx, "areas", q, "area", nil)
	}
	if err == nil {
		f.OrgID, err = s.Pick(ctx, "orgs", q, "org", nil)
	}
	page.AreaField = web.Field{Name: "area", Pick: "areas", Value: q.Get("area"), Text: q.Get("area_q")}
	page.OrgField = web.Field{Name: "org", Pick: "orgs", Value: q.Get("org"), Text: q.Get("org_q")}
	if err == nil {
		f.ActiveOn = on
		var rows []MemberRow
		rows, err = s.people.ListMembers(ctx, f)
		if err == nil {
			page.Total, err = s.memberTotal(ctx, lang, f)
		}
		for _, m := range rows {
			page.Rows = append(page.Rows, memberRow{
				ID: m.Person.ID, Name: m.Person.Name, Gender: i18n.T(lang, "ui.gender."+string(m.Person.Gender)),
				IDNumber: m.Person.IDNumber, Phone: m.Person.Phone, OrgID: m.Membership.OrgID, Org: m.Membership.OrgName,
				Status: i18n.T(lang, "ui.status."+string(m.Membership.Status)), Category: i18n.T(lang, "ui.category."+string(m.Membership.Category)),
				Joined: m.Membership.JoinedPartyOn.String(), From: m.Membership.From.String(),
			})
		}
		if len(rows) == limit {
			v := web.KeepValues(q, memberListKeys...)
			v.Set("after", strconv.FormatInt(rows[len(rows)-1].Person.ID, 10))
			page.Next = "/members?" + v.Encode()
		}
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
	if f.After != 0 {
		page.First = "/members?" + web.KeepValues(q, memberListKeys...).Encode()
	}
	page.Categories = web.Selected(web.EnumOptions(lang, "ui.category.", i18n.T(lang, "ui.members.all_categories"), categories...), page.Category)
	page.Statuses = web.Selected(web.EnumOptions(lang, "ui.status.", i18n.T(lang, "ui.members.all_statuses"), "full", "probationary"), page.Status)
	s.Render(w, r, status, "members", &web.View{Title: i18n.T(lang, "ui.members.title"), Nav: "members", D: &page})
}

// memberTotal says how many members the list finds: exactly from the
// maintained counts when only an area is chosen, else counted up to
// memberCountCap.
func (s *pages) memberTotal(ctx context.Context, lang i18n.Lang, f MemberFilter) (string, error) {
	if f.Name == "" && f.OrgID == 0 && f.Category == "" && f.Status == "" {
		n, err := s.people.MemberTotal(ctx, f.AreaID, f.ActiveOn)
		return i18n.T(lang, "ui.members.total", n), err
	}
	n, err := s.people.CountMembers(ctx, f, memberCountCap)
	if n > memberCountCap {
		return i18n.T(lang, "ui.members.total_over", memberCountCap), err
	}
	return i18n.T(lang, "ui.members.total", n), err
}

// memberListKeys are the filters a page link keeps.
var memberListKeys = []string{"name", "area", "area_q", "org", "org_q", "category", "status", "on", "limit"}

var categories = []string{string(Resident), string(Retired), string(InService), string(Floating)}
