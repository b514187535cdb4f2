// Package web serves the server-rendered HTML pages (zh-CN first, complete
// English), their static files, and mounts the JSON API.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"sort"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/metrics"
	"dangjian/internal/ratelimit"
)

// Deps is what the web application needs.
type Deps struct {
	DB   *db.DB
	Auth *auth.Store
	Log  *slog.Logger
	// Directory names the areas and stationed units accounts are scoped
	// to, for the account pages.
	Directory Directory
	// Modules are the domains' pages, in the order their navigation
	// entries are listed when their Order is equal.
	Modules []Module
	// API, when set, is mounted under /api/.
	API API
	// SecureCookies marks cookies Secure; set it when serving over TLS,
	// directly or behind a TLS-terminating proxy.
	SecureCookies bool
	// TrustProxy takes the client address from X-Forwarded-For.
	TrustProxy bool
	// Demo shows on the sign-in page where the demo accounts were printed.
	Demo bool
}

// API is the JSON API: account changes made on the pages tell it to forget
// the credentials it has cached.
type API interface {
	http.Handler
	ForgetTokens()
}

// Directory names and lists the areas and stationed units that accounts are
// scoped to. The composition root builds it from the domains' stores.
type Directory interface {
	// AreaOptions lists the areas to choose from, the chosen one selected.
	AreaOptions(ctx context.Context, lang i18n.Lang, chosen string) ([]Option, error)
	// UnitOptions lists the active stationed units.
	UnitOptions(ctx context.Context) ([]Option, error)
	// AreaName and UnitName name an area or a unit ("" and no error when it
	// does not exist).
	AreaName(ctx context.Context, id int64) (string, error)
	UnitName(ctx context.Context, id int64) (string, error)
}

// Server holds the dependencies of the application's own pages (sign-in,
// accounts, the audit trail) and the kit every page uses.
type Server struct {
	*Kit
	auth          *auth.Store
	dir           Directory
	secureCookies bool
	trustProxy    bool
	signinLimit   *ratelimit.Shared
	api           API
	demo          bool
}

// maxFormBytes bounds a form's body.
const maxFormBytes = 256 << 10

// New returns the application's handler: its own pages, the modules'
// pages, static files and the API.
func New(d Deps) (http.Handler, error) {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	pg, err := parsePages(d.Modules)
	if err != nil {
		return nil, err
	}
	s := &Server{
		Kit:  &Kit{log: d.Log, db: d.DB, pages: pg, nav: navOf(d.Modules), links: areaLinksOf(d.Modules), pickers: pickersOf(d.Modules)},
		auth: d.Auth, dir: d.Directory, secureCookies: d.SecureCookies, trustProxy: d.TrustProxy, demo: d.Demo,
		signinLimit: ratelimit.NewShared(d.DB, "signin", 20, time.Minute, 10), api: d.API,
	}
	mux := http.NewServeMux()
	if s.api != nil {
		mux.Handle("/api/", s.api)
	}
	for _, rt := range s.Routes(d.Modules) {
		h := http.Handler(rt.Handler)
		if rt.Perm != "" {
			h = s.require(rt.Perm, rt.Place, rt.Handler)
		}
		n := rt.MaxBody
		if n == 0 {
			n = maxFormBytes
		}
		mux.Handle(rt.Pattern, pageHeaders(limitBody(h, n)))
	}
	mux.Handle("GET /static/", staticHandler())
	csrf := http.NewCrossOriginProtection()
	// metrics.Routed labels the request's metrics with the pattern mux chose.
	return withRequestID(s.hsts(s.recoverPanics(s.withLang(csrf.Handler(s.authenticate(metrics.Routed(mux))))))), nil
}

// Routes lists every page: the application's own, then each module's,
// then the fallback that answers unknown paths. Handlers live one per
// file, named <noun>_<verb>.go.
func (s *Server) Routes(mods []Module) []Route {
	rts := []Route{
		{Pattern: "GET /lang/{lang}", Handler: s.langSwitch},
		{Pattern: "/signin", Handler: s.sessionCreate},
		{Pattern: "POST /signout", Perm: auth.OwnAccount, Handler: s.sessionDelete},
		{Pattern: "/account/password", Perm: auth.OwnAccount, Handler: s.passwordChange},
		{Pattern: "GET /account/tokens", Perm: auth.OwnAccount, Handler: s.tokenList},
		{Pattern: "POST /account/tokens", Perm: auth.OwnAccount, Handler: s.tokenCreate},
		{Pattern: "POST /account/tokens/{id}/revoke", Perm: auth.OwnAccount, Handler: s.tokenRevoke},

		{Pattern: "GET /admin/users", Perm: auth.ManageUsers, Handler: s.userList},
		{Pattern: "/admin/users/new", Perm: auth.ManageUsers, Handler: s.userCreate},
		{Pattern: "POST /admin/users/{id}/reset", Perm: auth.ManageUsers, Handler: s.userReset},
		{Pattern: "POST /admin/users/{id}/disable", Perm: auth.ManageUsers, Handler: s.userDisable(true)},
		{Pattern: "POST /admin/users/{id}/enable", Perm: auth.ManageUsers, Handler: s.userDisable(false)},
		{Pattern: "POST /admin/tokens/{id}/revoke", Perm: auth.ManageUsers, Handler: s.tokenRevokeAny},

		{Pattern: "GET /audit", Perm: auth.ReadAudit, Handler: s.auditShow},
		{Pattern: "GET /audit.xlsx", Perm: auth.ReadAudit, Handler: s.auditExport},
	}
	for _, m := range mods {
		if m.Routes != nil {
			rts = append(rts, m.Routes(s.Kit)...)
		}
	}
	rts = append(rts, pickRoutes(s.Kit)...)
	return append(rts, Route{Pattern: "/", Handler: s.NotFound})
}

// ListRoutes lists every page the application serves with mods, as New
// mounts them, for the route-access test.
func ListRoutes(mods []Module) []Route {
	s := &Server{Kit: &Kit{pickers: pickersOf(mods)}}
	return s.Routes(mods)
}

// AdminMenu is the menu of the bar that holds the entries for keeping the
// platform rather than its records: users, the audit trail, imports.
const AdminMenu = "ui.nav.admin"

// PartFourMenu is the menu of part four's work (co-building, services,
// petitions): the bar has no room for an entry each at 1280 px.
const PartFourMenu = "ui.nav.part_four"

// ownNav is the application's own entries of the top navigation.
var ownNav = []NavItem{
	{Key: "users", Href: "/admin/users", Label: "ui.nav.users", Perm: auth.ManageUsers, Order: 900, Group: AdminMenu},
	{Key: "audit", Href: "/audit", Label: "ui.nav.audit", Perm: auth.ReadAudit, Order: 910, Group: AdminMenu},
}

// navOf is the top navigation: the application's entries and every
// module's, by Order.
func pickersOf(mods []Module) []Picker {
	var out []Picker
	for _, m := range mods {
		out = append(out, m.Pickers...)
	}
	return out
}

func navOf(mods []Module) []NavEntry {
	items := append([]NavItem{}, ownNav...)
	for _, m := range mods {
		items = append(items, m.Nav...)
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Order < items[j].Order })
	var out []NavEntry
	menus := map[string]int{}
	for _, it := range items {
		if it.Group == "" {
			out = append(out, NavEntry{NavItem: it})
			continue
		}
		i, ok := menus[it.Group]
		if !ok {
			i, menus[it.Group] = len(out), len(out)
			out = append(out, NavEntry{NavItem: NavItem{Group: it.Group}})
		}
		out[i].Items = append(out[i].Items, it)
	}
	return out
}

// areaLinksOf gathers the modules' area links in module order.
func areaLinksOf(mods []Module) []AreaLink {
	var out []AreaLink
	for _, m := range mods {
		out = append(out, m.AreaLinks...)
	}
	return out
}

// limitBody bounds the size of a request body to n bytes.
func limitBody(h http.Handler, n int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, n)
		}
		h.ServeHTTP(w, r)
	})
}
