package web

import (
	"net/http"
	"net/url"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// secretPage shows a password or token once, right after it was made. It is
// the body of the POST's answer (never a redirect, a URL or a cookie) and
// is not cached.
type secretPage struct {
	Heading string
	Intro   string
	Label   string
	Secret  string
	Facts   []fact
	Back    string
	BackTo  string
}

// fact is one line of a definition list.
type fact struct{ Label, Value string }

// userCreate shows the form for a new account and creates it; the answer
// shows the one-time password once.
func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) {
	lang := Lang(r)
	title := i18n.T(lang, "ui.user_new.title")
	values := url.Values{"role": {string(auth.Community)}}
	status := http.StatusOK
	var refusal *i18n.Error
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPost:
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err != nil {
			s.renderUserForm(w, r, http.StatusBadRequest, values, i18n.Errf("", "err.body_invalid", err.Error()))
			return
		}
		values = r.PostForm
		in := auth.NewAccount{
			Username:    strings.TrimSpace(values.Get("username")),
			DisplayName: strings.TrimSpace(values.Get("display_name")),
			Role:        auth.Role(values.Get("role")),
			AreaID:      ParseID(values.Get("area_id")),
			UnitID:      ParseID(values.Get("unit_id")),
			CanReveal:   values.Get("can_reveal") != "",
		}
		acct, password, err := s.auth.Create(r.Context(), in)
		if err == nil {
			s.Render(w, r, http.StatusOK, "secret", &View{Title: title, Nav: "users", D: secretPage{
				Heading: i18n.T(lang, "ui.user_new.done", acct.Username),
				Intro:   i18n.T(lang, "ui.secret.password_intro"),
				Label:   i18n.T(lang, "ui.secret.password"),
				Secret:  password,
				Facts:   s.accountFacts(r, acct),
				Back:    i18n.T(lang, "ui.users.back"), BackTo: "/admin/users",
			}})
			return
		}
		e, ok := UserError(err)
		if !ok {
			s.ServerError(w, r, err)
			return
		}
		refusal, status = e, http.StatusUnprocessableEntity
	}
	s.renderUserForm(w, r, status, values, refusal)
}

// renderUserForm renders the new-account form with the values typed and
// the refusal next to its field.
func (s *Server) renderUserForm(w http.ResponseWriter, r *http.Request, status int, values url.Values, refusal *i18n.Error) {
	lang := Lang(r)
	title := i18n.T(lang, "ui.user_new.title")
	roles := make([]Option, 0, len(auth.Roles))
	for _, ro := range auth.Roles {
		roles = append(roles, Option{Value: string(ro), Label: i18n.T(lang, "ui.role."+string(ro))})
	}
	areas, err := s.dir.AreaOptions(r.Context(), lang, values.Get("area_id"))
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	areas = append([]Option{{Value: "", Label: i18n.T(lang, "ui.user.no_area")}}, areas...)
	units, err := s.dir.UnitOptions(r.Context())
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	units = append([]Option{{Value: "", Label: i18n.T(lang, "ui.user.no_unit")}}, units...)
	fields := []Field{
		{Name: "username", Label: i18n.T(lang, "ui.user.username"), Type: "text", Required: true, Help: i18n.T(lang, "ui.user.username_help")},
		{Name: "display_name", Label: i18n.T(lang, "ui.user.display_name"), Type: "text"},
		{Name: "role", Label: i18n.T(lang, "ui.user.role"), Type: "select", Required: true, Options: roles},
		{Name: "area_id", Label: i18n.T(lang, "ui.user.area"), Type: "select", Options: areas, Help: i18n.T(lang, "ui.user.area_help")},
		{Name: "unit_id", Label: i18n.T(lang, "ui.user.unit"), Type: "select", Options: units, Help: i18n.T(lang, "ui.user.unit_help")},
		{Name: "can_reveal", Label: i18n.T(lang, "ui.user.can_reveal"), Type: "checkbox", Help: i18n.T(lang, "ui.user.can_reveal_help")},
	}
	page := FormPage{
		Heading: title, Intro: i18n.T(lang, "ui.user_new.intro"), Submit: i18n.T(lang, "ui.user_new.submit"), Back: "/admin/users",
		Crumbs: []Crumb{{Label: i18n.T(lang, "ui.users.title"), Href: "/admin/users"}},
	}
	page.Fill(fields, values, refusal, lang)
	s.Render(w, r, status, "form", &View{Title: title, Nav: "users", D: page})
}

// accountFacts describes an account on the result pages.
func (s *Server) accountFacts(r *http.Request, a auth.Account) []fact {
	lang := Lang(r)
	out := []fact{
		{i18n.T(lang, "ui.user.username"), a.Username},
		{i18n.T(lang, "ui.user.role"), i18n.T(lang, "ui.role."+string(a.Role))},
	}
	if a.DisplayName != "" {
		out = append(out, fact{i18n.T(lang, "ui.user.display_name"), a.DisplayName})
	}
	if a.AreaID != 0 {
		if name, err := s.areaName(r.Context(), a.AreaID, map[int64]string{}); err == nil {
			out = append(out, fact{i18n.T(lang, "ui.user.area"), name})
		}
	}
	if a.UnitID != 0 {
		if name, err := s.dir.UnitName(r.Context(), a.UnitID); err == nil && name != "" {
			out = append(out, fact{i18n.T(lang, "ui.user.unit"), name})
		}
	}
	return out
}
