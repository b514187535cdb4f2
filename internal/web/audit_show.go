package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// auditPageSize is the number of entries per page of the auditor's page.
const auditPageSize = 50

// auditForm is the filter of the auditor's page as typed, with refusals.
type auditForm struct {
	Actor      string
	Action     string
	TargetType string
	TargetID   string
	From       string
	To         string
	Errors     map[string]string
}

// auditRow is one entry of the trail as shown.
type auditRow struct {
	Seq    int64
	At     string
	Actor  string
	Role   string
	Via    string
	IP     string
	Action string
	// ActionWords and TargetName say the action and its record in words
	// (任命职务 · 迎宾社区党支部 第6届); the codes stay in the title.
	ActionWords string
	TargetName  string
	TypeWords   string
	TargetType  string
	TargetID    string
	Outcome     string
	OutcomeKey  string
	Before      string
	After       string
	Detail      string
	RequestID   string
}

// auditPage is the data of the auditor's page.
type auditPage struct {
	Filter  auditForm
	Rows    []auditRow
	Total   int
	Page    int
	Pages   int
	First   int
	Last    int
	Prev    string
	Next    string
	Export  string
	Invalid bool
}

// parseAuditFilter reads the filter of the auditor's page and export from
// the query. Dates are days in the server's time zone; "to" includes its day.
func parseAuditFilter(r *http.Request) (audit.Filter, auditForm, int) {
	lang := Lang(r)
	q := r.URL.Query()
	f := auditForm{
		Actor: strings.TrimSpace(q.Get("actor")), Action: strings.TrimSpace(q.Get("action")),
		TargetType: strings.TrimSpace(q.Get("target_type")), TargetID: strings.TrimSpace(q.Get("target_id")),
		From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to")), Errors: map[string]string{},
	}
	filter := audit.Filter{Actor: strings.ToLower(f.Actor), Action: f.Action, TargetType: f.TargetType, TargetID: f.TargetID}
	day := func(name, s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := date.Parse(s)
		if err != nil {
			f.Errors[name] = i18n.T(lang, "err.date_invalid", s)
			return time.Time{}
		}
		y, m, dd := d.Time().Date()
		return time.Date(y, m, dd, 0, 0, 0, 0, time.Local)
	}
	filter.From = day("from", f.From)
	if to := day("to", f.To); !to.IsZero() {
		filter.To = to.AddDate(0, 0, 1)
	}
	if !filter.From.IsZero() && !filter.To.IsZero() && !filter.From.Before(filter.To) {
		f.Errors["to"] = i18n.T(lang, "err.period_inverted", f.From, f.To)
	}
	page, err := strconv.Atoi(q.Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	return filter, f, page
}

// query is the filter as a query string, for the paging and export links.
func (f auditForm) query(page int) string {
	v := url.Values{}
	for k, s := range map[string]string{"actor": f.Actor, "action": f.Action, "target_type": f.TargetType, "target_id": f.TargetID, "from": f.From, "to": f.To} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}

// auditShow is the auditor's page: the trail filtered by actor, action
// (a prefix such as "auth"), target and period, newest first, in pages.
func (s *Server) auditShow(w http.ResponseWriter, r *http.Request) {
	lang := Lang(r)
	filter, form, pageNo := parseAuditFilter(r)
	page := auditPage{Filter: form, Page: pageNo, Export: "/audit.xlsx" + form.query(1)}
	v := &View{Title: i18n.T(lang, "ui.audit.title"), Nav: "audit", D: &page}
	if len(form.Errors) > 0 {
		page.Invalid = true
		s.Render(w, r, http.StatusUnprocessableEntity, "audit", v)
		return
	}
	filter.Limit, filter.Offset = auditPageSize, (pageNo-1)*auditPageSize
	recs, total, err := audit.Query(r.Context(), s.db.Reader(), filter)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page.Total = total
	page.Pages = max(1, (total+auditPageSize-1)/auditPageSize)
	if len(recs) > 0 {
		page.First, page.Last = filter.Offset+1, filter.Offset+len(recs)
	}
	if pageNo > 1 {
		page.Prev = "/audit" + form.query(min(pageNo-1, page.Pages))
	}
	if pageNo < page.Pages {
		page.Next = "/audit" + form.query(pageNo+1)
	}
	names := audit.TargetNames(r.Context(), s.db.Reader(), lang, recs)
	for _, rec := range recs {
		page.Rows = append(page.Rows, auditRow{
			ActionWords: audit.ActionWords(lang, rec.Action), TargetName: names[rec.TargetType+":"+rec.TargetID],
			TypeWords: audit.TypeWords(lang, rec.TargetType),
			Seq:       rec.Seq, At: rec.At.Local().Format("2006-01-02 15:04:05"),
			Actor: rec.Actor.Username, Role: roleLabel(lang, rec.Actor.Role), Via: rec.Actor.Via, IP: rec.Actor.IP,
			Action: rec.Action, TargetType: rec.TargetType, TargetID: rec.TargetID,
			Outcome: outcomeLabel(lang, rec.Outcome), OutcomeKey: rec.Outcome,
			Before: rec.Before, After: rec.After, Detail: rec.Detail, RequestID: rec.Actor.RequestID,
		})
	}
	if page.Total == 0 {
		page.Page = 1
	}
	s.Render(w, r, http.StatusOK, "audit", v)
}

// roleLabel names a role, or returns it as stored when it is not one.
func roleLabel(lang i18n.Lang, role string) string {
	if role == "" || !i18n.Has("ui.role."+role) {
		return role
	}
	return i18n.T(lang, "ui.role."+role)
}

// outcomeLabel names an outcome of the trail.
func outcomeLabel(lang i18n.Lang, o string) string {
	if !i18n.Has("ui.audit.outcome." + o) {
		return o
	}
	return i18n.T(lang, "ui.audit.outcome."+o)
}
