// Package web serves the server-rendered HTML pages (zh-CN first, complete
// English), their static files, and mounts the JSON API.
package web

import (
	"context"
	"log/slog"
	"net/http"

	"dangjian/internal/access"
	"dangjian/internal/api"
	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/people"
	"dangjian/internal/report"
)

// Deps is what the web application needs.
type Deps struct {
	DB    *db.DB
	Areas *area.Store
	Auth  *auth.Store
	// People keeps members, stationed units, leadership and registrations.
	People *people.Store
	Log    *slog.Logger
	// SecureCookies marks cookies Secure; set it when serving over TLS,
	// directly or behind a TLS-terminating proxy.
	SecureCookies bool
	// TrustProxy takes the client address from X-Forwarded-For.
	TrustProxy bool
}

// Server holds the dependencies of the HTML handlers and the parsed templates.
type Server struct {
	db            *db.DB
	areas         *area.Store
	auth          *auth.Store
	people        *people.Store
	log           *slog.Logger
	pages         *pages
	secureCookies bool
	trustProxy    bool
	signinLimit   *rateLimiter
	// Places of the path's {id}: where each kind of record lies, read
	// through the scoped stores.
	areaPlace, orgPlace, peopleOrgPlace, personPlace, unitPlace *access.Place
	// api is the mounted JSON API; account changes made here tell it to
	// forget the credentials it has cached (api.Handler.ForgetTokens).
	api *api.Handler
}

// maxFormBytes bounds a form's body.
const maxFormBytes = 256 << 10

// New returns the application's handler: pages, static files and /api.
func New(d Deps) http.Handler {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		db: d.DB, areas: d.Areas, auth: d.Auth, people: d.People, log: d.Log, pages: mustParsePages(),
		secureCookies: d.SecureCookies, trustProxy: d.TrustProxy,
		signinLimit: newRateLimiter(20, 10),
	}
	s.places()
	mux := http.NewServeMux()
	s.api = &api.Handler{DB: d.DB, Areas: d.Areas, Auth: d.Auth, Log: d.Log, ClientIP: s.clientIP}
	s.api.Register(mux)
	for _, rt := range s.routes() {
		h := rt.handler
		if rt.perm != "" {
			h = s.require(rt.perm, rt.place, h)
		}
		mux.Handle(rt.pattern, pageHeaders(limitBody(h, bodyLimit(rt.pattern))))
	}
	mux.Handle("GET /static/", staticHandler())
	csrf := http.NewCrossOriginProtection()
	return withRequestID(s.recoverPanics(s.withLang(csrf.Handler(s.authenticate(mux)))))
}

// route is one page: its ServeMux pattern, the permission it needs ("" for
// the public pages) and what its {id} names. The access-control test walks
// this table, so a page cannot be added without deciding who may see it.
type route struct {
	pattern string
	perm    auth.Permission
	place   *access.Place
	handler http.HandlerFunc
}

// routes lists every page. Handlers live one per file, named <noun>_<verb>.go.
func (s *Server) routes() []route {
	rts := []route{
		{"GET /lang/{lang}", "", nil, s.langSwitch},
		{"/signin", "", nil, s.sessionCreate},
		{"POST /signout", auth.OwnAccount, nil, s.sessionDelete},
		{"/account/password", auth.OwnAccount, nil, s.passwordChange},
		{"GET /account/tokens", auth.OwnAccount, nil, s.tokenList},
		{"POST /account/tokens", auth.OwnAccount, nil, s.tokenCreate},
		{"POST /account/tokens/{id}/revoke", auth.OwnAccount, nil, s.tokenRevoke},

		{"GET /admin/users", auth.ManageUsers, nil, s.userList},
		{"/admin/users/new", auth.ManageUsers, nil, s.userCreate},
		{"POST /admin/users/{id}/reset", auth.ManageUsers, nil, s.userReset},
		{"POST /admin/users/{id}/disable", auth.ManageUsers, nil, s.userDisable(true)},
		{"POST /admin/users/{id}/enable", auth.ManageUsers, nil, s.userDisable(false)},
		{"POST /admin/tokens/{id}/revoke", auth.ManageUsers, nil, s.tokenRevokeAny},

		{"GET /audit", auth.ReadAudit, nil, s.auditShow},
		{"GET /audit.xlsx", auth.ReadAudit, nil, s.auditExport},

		{"GET /{$}", auth.ReadAreas, nil, s.treeShow},
		{"GET /areas/{id}", auth.ReadAreas, s.areaPlace, s.areaShow},
		{"/areas/{id}/children/new", auth.WriteAreas, s.areaPlace, s.areaCreate},
		{"/areas/{id}/merge", auth.WriteAreas, s.areaPlace, s.areaMerge},
		{"/areas/{id}/split", auth.WriteAreas, s.areaPlace, s.areaSplit},
		{"/areas/{id}/adjust", auth.WriteAreas, s.areaPlace, s.areaAdjust},
		{"/areas/{id}/rename", auth.WriteAreas, s.areaPlace, s.areaRename},
		{"/areas/{id}/dissolve", auth.WriteAreas, s.areaPlace, s.areaDissolve},
		{"/areas/{id}/party-orgs/new", auth.WriteAreas, s.areaPlace, s.orgCreate},
		{"/party-orgs/{id}/reform", auth.WriteAreas, s.orgPlace, s.orgReform},
		{"/party-orgs/{id}/dissolve", auth.WriteAreas, s.orgPlace, s.orgDissolve},
		{"GET /figures", report.ReadReports, nil, s.figuresShow},
		{"GET /figures/{key}", report.ReadReports, nil, s.figureShow},
		{"GET /speech", report.ReadReports, nil, s.speechShow},
		{"GET /speech.md", report.ReadReports, nil, s.speechDownload},
		{"GET /speech.html", report.ReadReports, nil, s.speechDownload},
	}
	rts = append(rts, s.peopleRoutes()...)
	rts = append(rts, s.importRoutes()...)
	return append(rts, route{"/", "", nil, s.notFound})
}

// places builds the places of the path's {id}: each reads the record
// through its scoped store, which refuses one outside the caller's subtree.
func (s *Server) places() {
	s.areaPlace = &access.Place{Name: "area", Locate: func(ctx context.Context, id int64) error {
		_, err := s.areas.Get(ctx, id)
		return err
	}}
	s.orgPlace = &access.Place{Name: "party_org", Locate: func(ctx context.Context, id int64) error {
		_, err := s.areas.Org(ctx, id)
		return err
	}}
	s.peopleOrgPlace = &access.Place{Name: "party_org", Locate: func(ctx context.Context, id int64) error {
		_, err := s.people.Org(ctx, id)
		return err
	}}
	s.personPlace = &access.Place{Name: "person", Locate: func(ctx context.Context, id int64) error {
		_, err := s.people.Get(ctx, id)
		return err
	}}
	s.unitPlace = &access.Place{Name: "unit", Unit: true, Locate: func(ctx context.Context, id int64) error {
		_, err := s.people.Unit(ctx, id)
		return err
	}}
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
