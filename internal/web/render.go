package web

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages maps a page name (its file name without .html) to its template,
// each parsed together with the layout and the shared partials.
type pages struct{ byName map[string]*template.Template }

// shared are the templates every page is parsed with.
var shared = []string{"templates/layout.html", "templates/partials.html"}

var funcs = template.FuncMap{
	"fields": func(names ...string) []string { return names },
}

// parsePages parses the application's own pages and every module's, each
// with the layout and the shared partials. A page name used twice is an
// error.
func parsePages(mods []Module) (*pages, error) {
	own, err := fs.Sub(templateFS, "templates")
	if err != nil {
		return nil, err
	}
	p := &pages{byName: map[string]*template.Template{}}
	all := append([]Module{{Name: "web", Templates: own}}, mods...)
	for _, m := range all {
		if m.Templates == nil {
			continue
		}
		names, err := fs.Glob(m.Templates, "*.html")
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if m.Name == "web" && (n == "layout.html" || n == "partials.html") {
				continue
			}
			page := strings.TrimSuffix(n, ".html")
			if _, dup := p.byName[page]; dup {
				return nil, fmt.Errorf("web: module %s: page %q defined twice", m.Name, page)
			}
			t, err := template.New("layout.html").Funcs(funcs).Funcs(m.Funcs).ParseFS(templateFS, shared...)
			if err == nil {
				t, err = t.ParseFS(m.Templates, n)
			}
			if err != nil {
				return nil, fmt.Errorf("web: module %s: parse %s: %w", m.Name, n, err)
			}
			p.byName[page] = t
		}
	}
	return p, nil
}

func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	fsrv := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		if strings.HasPrefix(r.URL.Path, "/static/vendor/") && r.URL.Query().Has("v") {
			// A third-party file asked for with its version (?v=6.1.0):
			// the next version is another address.
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		fsrv.ServeHTTP(w, r)
	})
}

// View is what every template gets: the language, the page title, a flash
// message and the page's own data in D.
type View struct {
	Lang  i18n.Lang
	Title string
	Flash string
	// Nav names the top navigation entry to mark as current.
	Nav string
	// URI is the request's path and query, for the language links.
	URI string
	// User is the signed-in user, nil on the public pages.
	User *auth.Principal
	// Menu is the top navigation of every module, in order; the layout
	// shows the entries the user may open.
	Menu []NavEntry
	// AreaLinks are the modules' pages about one area, for an area's page.
	AreaLinks []AreaLink
	D         any
}

// T translates key in the page's language.
func (v *View) T(key string, args ...any) string { return i18n.T(v.Lang, key, args...) }

// Can reports whether the signed-in user has permission p (menu entries).
func (v *View) Can(p string) bool { return v.User != nil && v.User.Can(auth.Permission(p)) }

// Home is the signed-in user's first page (the brand links to it).
func (v *View) Home() string {
	if v.User == nil {
		return "/"
	}
	return HomeFor(*v.User)
}

// HTMLLang is the value of <html lang>.
func (v *View) HTMLLang() string {
	if v.Lang == i18n.EN {
		return "en"
	}
	return "zh-CN"
}

// langLink is one entry of the language switch.
type langLink struct {
	Label   string
	Href    string
	Current bool
	Lang    string
}

// LangLinks lists the language switch: each link sets the cookie and comes
// back to this page.
func (v *View) LangLinks() []langLink {
	out := make([]langLink, 0, len(i18n.Langs))
	for _, l := range i18n.Langs {
		out = append(out, langLink{
			Label:   i18n.T(l, "ui.lang.self"),
			Href:    "/lang/" + string(l) + "?next=" + url.QueryEscape(withoutLang(v.URI)),
			Current: l == v.Lang,
			Lang:    map[i18n.Lang]string{i18n.ZH: "zh-CN", i18n.EN: "en"}[l],
		})
	}
	return out
}

// withoutLang drops a lang parameter from a request URI, so the switch is
// not undone by a stale ?lang= on the way back.
func withoutLang(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "/"
	}
	q := u.Query()
	if !q.Has("lang") {
		return uri
	}
	q.Del("lang")
	u.RawQuery = q.Encode()
	return u.RequestURI()
}

// Render writes page name with status. The page is rendered to a buffer
// first, so a template error becomes a 500 page rather than half a page.
func (k *Kit) Render(w http.ResponseWriter, r *http.Request, status int, name string, v *View) {
	t := k.pages.byName[name]
	if t == nil {
		k.ServerError(w, r, fmt.Errorf("web: no page %q", name))
		return
	}
	v.Lang = Lang(r)
	v.URI = r.URL.RequestURI()
	v.Menu, v.AreaLinks = k.nav, k.links
	if p, ok := Principal(r); ok {
		v.User = &p
	}
	if v.Flash == "" {
		v.Flash = takeFlash(w, r)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		if name == "error" {
			// The error page itself failed: fall back to plain text.
			k.log.Error("render error page", "err", err)
			http.Error(w, i18n.T(Lang(r), "err.internal"), http.StatusInternalServerError)
			return
		}
		k.ServerError(w, r, fmt.Errorf("web: render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// RenderFragment writes the template block of page name alone, without the
// layout: HTML a page's script puts into the page (the tree's children).
func (k *Kit) RenderFragment(w http.ResponseWriter, r *http.Request, name, block string, v *View) {
	t := k.pages.byName[name]
	if t == nil {
		k.ServerError(w, r, fmt.Errorf("web: no page %q", name))
		return
	}
	v.Lang = Lang(r)
	v.URI = r.URL.RequestURI()
	if p, ok := Principal(r); ok {
		v.User = &p
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, block, v); err != nil {
		k.ServerError(w, r, fmt.Errorf("web: render %s/%s: %w", name, block, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = buf.WriteTo(w)
}

// ErrorPage is the data of the error page.
type ErrorPage struct {
	Status  int
	Message string
}

// NotFound renders the 404 page in the user's language.
func (k *Kit) NotFound(w http.ResponseWriter, r *http.Request) {
	lang := Lang(r)
	k.Render(w, r, http.StatusNotFound, "error", &View{
		Title: i18n.T(lang, "ui.error.not_found_title"),
		D:     ErrorPage{Status: http.StatusNotFound, Message: i18n.T(lang, "err.not_found")},
	})
}

// ServerError logs err and renders the 500 page; the user never sees the
// error's text.
func (k *Kit) ServerError(w http.ResponseWriter, r *http.Request, err error) {
	k.log.ErrorContext(r.Context(), "web: request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	lang := Lang(r)
	k.Render(w, r, http.StatusInternalServerError, "error", &View{
		Title: i18n.T(lang, "ui.error.internal_title"),
		D:     ErrorPage{Status: http.StatusInternalServerError, Message: i18n.T(lang, "err.internal")},
	})
}

// UserError reports whether err is a rule or validation error meant for the
// user, and returns it.
func UserError(err error) (*i18n.Error, bool) {
	var e *i18n.Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// SeeOther redirects after a successful POST.
func SeeOther(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, to, http.StatusSeeOther)
}
