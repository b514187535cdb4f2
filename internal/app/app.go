// Package app composes the application. It builds the stores once, into
// one value that the server, the command line and the tests share, and it
// is the one place that names the domains (domains.go).
package app

import (
	"context"
	"log/slog"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/cobuilding"
	"dangjian/internal/coordination"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/jobs"
	"dangjian/internal/metrics"
	"dangjian/internal/people"
	"dangjian/internal/pii"
	"dangjian/internal/premises"
	"dangjian/internal/services"
	"dangjian/internal/speechtpl"
	"dangjian/internal/web"
)

// App is the application's stores over one database.
type App struct {
	DB     *db.DB
	Keys   *pii.Keyring
	Areas  *area.Store
	People *people.Store
	// Coordination is part two: conferences, actions, whistles, campaigns.
	Coordination *coordination.Store
	// Premises is part three: premises, funding, land, building projects.
	Premises *premises.Store
	// Cobuilding is part four (a): demands, resources, co-building projects.
	Cobuilding *cobuilding.Store
	// Services is part four (b): outlets, designations, services given,
	// placements, good deeds.
	Services *services.Store
	// Petitions is part four (b)'s petitions, handled as work orders.
	Petitions *services.PetitionStore
	// Templates are the speech templates users edit; the speech of a
	// scope is filled from its own or inherited one.
	Templates *speechtpl.Store
	Auth      *auth.Store
	Log       *slog.Logger
	// Jobs runs the background work started from the pages (imports),
	// stored in the database; Handler starts its workers.
	Jobs *jobs.Runner
}

// Options adjust an App; the zero value is what `dangjian serve` runs.
type Options struct {
	Log *slog.Logger
	// Today, when set, is the stores' clock (tests fix it).
	Today func() date.Date
	// AuthParams, when set, replaces the password hashing parameters
	// (tests use cheap ones).
	AuthParams *auth.Params
}

// New builds the stores over d; keys encrypt personal data.
func New(d *db.DB, keys *pii.Keyring, o Options) *App {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	a := &App{DB: d, Keys: keys, Areas: area.NewStore(d), Auth: auth.NewStore(d), Log: o.Log}
	a.Jobs = jobs.NewRunner(d, jobs.Options{Keys: keys, Log: o.Log})
	a.People = people.NewStore(d, a.Areas, keys)
	a.Coordination = coordination.NewStore(d, a.Areas)
	a.Premises = premises.NewStore(d, a.Areas)
	a.Cobuilding = cobuilding.NewStore(d, a.Areas)
	a.Services = services.NewStore(d, a.Areas, keys)
	a.Petitions = services.NewPetitionStore(d, a.Areas, keys)
	a.Templates = speechtpl.NewStore(d, a.Areas)
	// People's records hang on areas: an area that ends moves them along.
	a.Areas.Attach(a.People)
	a.Areas.Attach(a.Premises)
	a.Areas.Attach(a.Cobuilding)
	a.Areas.Attach(a.Services)
	a.Areas.Attach(a.Petitions)
	if o.Today != nil {
		a.Areas.Today = o.Today
		a.People.Today = o.Today
		a.Coordination.Today = o.Today
		a.Premises.Today = o.Today
		a.Cobuilding.Today = o.Today
		a.Services.Today = o.Today
		a.Petitions.Today = o.Today
		a.Petitions.Now = services.NoonOf(o.Today)
	}
	if o.AuthParams != nil {
		a.Auth.Params = *o.AuthParams
	}
	return a
}

// Close cancels the background jobs and waits for them to end (or for
// ctx); the database stays open, it is the caller's.
func (a *App) Close(ctx context.Context) error { return a.Jobs.Shutdown(ctx) }

// HTTP says how the application is served.
type HTTP struct {
	// SecureCookies marks cookies Secure (TLS, directly or behind a proxy).
	SecureCookies bool
	// TrustProxy takes the client address from X-Forwarded-For.
	TrustProxy bool
	// Demo says on the sign-in page where the demo accounts were printed.
	Demo bool
	// Metrics, when set, counts and times every request (ops.go).
	Metrics *metrics.Metrics
	// MetricsAllow is who may read Metrics at /metrics; the zero value lets
	// nobody in and /metrics is not served (--metrics-allow none, or
	// --metrics-addr serving it on a listener apart).
	MetricsAllow metrics.Allow
}

// Handler is the whole application over HTTP: the pages of every domain,
// the API, static files, and in front of them /healthz, /readyz and
// /metrics (ops.go).
func (a *App) Handler(h HTTP) (http.Handler, error) {
	apiHandler := &api.Handler{DB: a.DB, Auth: a.Auth, Log: a.Log, Modules: a.endpoints(),
		ClientIP: func(r *http.Request) string { return web.ClientIP(r, h.TrustProxy) }}
	pages, err := web.New(web.Deps{
		DB: a.DB, Auth: a.Auth, Log: a.Log, Directory: directory{a},
		Modules: a.pages(), API: apiHandler,
		SecureCookies: h.SecureCookies, TrustProxy: h.TrustProxy, Demo: h.Demo,
	})
	if err != nil {
		return nil, err
	}
	// The modules registered their kinds of job: start claiming them
	// (only a serving process runs jobs, not the command line's).
	a.Jobs.Run()
	return a.ops(h, pages), nil
}

// directory names areas and units for the account pages.
type directory struct{ a *App }

func (d directory) AreaOptions(ctx context.Context, lang i18n.Lang, chosen string) ([]web.Option, error) {
	return area.TreeOptions(ctx, d.a.Areas, lang, chosen)
}

func (d directory) UnitOptions(ctx context.Context) ([]web.Option, error) {
	root, err := d.a.Areas.Root(ctx)
	if err != nil {
		return nil, nil // no tree yet: no unit
	}
	units, err := d.a.People.Units(ctx, root.ID, d.a.People.Today())
	if err != nil {
		return nil, err
	}
	out := make([]web.Option, 0, len(units))
	for _, u := range units {
		out = append(out, web.Option{Value: web.Itoa(u.ID), Label: u.Name})
	}
	return out, nil
}

func (d directory) AreaName(ctx context.Context, id int64) (string, error) {
	x, err := d.a.Areas.Get(ctx, id)
	if web.IsNotFound(err) {
		return "", nil
	}
	return x.Name, err
}

func (d directory) UnitName(ctx context.Context, id int64) (string, error) {
	u, err := d.a.People.Unit(ctx, id)
	if web.IsNotFound(err) {
		return "", nil
	}
	return u.Name, err
}
