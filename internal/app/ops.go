package app

import (
	"context"
	"errors"
	"math"
	"net/http"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/metrics"
)

// NewMetrics returns a metrics registry over a's database pools. The jobs
// and figures report to every registry through the metrics package's hooks.
func (a *App) NewMetrics() *metrics.Metrics {
	r, w := a.DB.Pools()
	return metrics.New(metrics.Options{Reader: r, Writer: w, JobsQueued: func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		n, err := a.Jobs.Depth(ctx)
		if err != nil {
			return math.NaN()
		}
		return float64(n)
	}})
}

// OpsRoutes are the routes served in front of the application, outside
// the pages' and the API's route tables: they are for the machines that
// watch the server (a load balancer, Prometheus), not for a user, so they
// have no permission, no place, no session and no CSRF check, and the
// route-access tests (internal/web TestRouteAccess, internal/api
// TestEveryRouteIsGuarded), which enumerate the user-facing tables, do not
// list them. TestOpsRoutes tests them instead, and that they are these
// three and no more.
var OpsRoutes = []string{"GET /healthz", "GET /readyz", "GET /metrics"}

// ops answers the three operations routes and hands every other request to
// next. /metrics is served only when h lets some client in.
func (a *App) ops(h HTTP, next http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle(OpsRoutes[0], metrics.Healthz())
	mux.Handle(OpsRoutes[1], metrics.Readyz(a.DB.Ready, readyReason, a.Log))
	if h.Metrics != nil && !h.MetricsAllow.None() {
		mux.Handle(OpsRoutes[2], MetricsHandler(h.Metrics, h.MetricsAllow, h.TrustProxy))
	}
	mux.Handle("/", next)
	var out http.Handler = metrics.Routed(mux)
	if h.Metrics != nil {
		out = h.Metrics.Instrument(out)
	}
	return out
}

// MetricsHandler serves m to the clients allow lets in (403 to others),
// on the main listener or apart (serve --metrics-addr).
func MetricsHandler(m *metrics.Metrics, allow metrics.Allow, trustProxy bool) http.Handler {
	return metrics.Guard(m.Handler(), allow, trustProxy)
}

// readyReason names the failed readiness check without its detail.
func readyReason(err error) string {
	if errors.Is(err, db.ErrNotMigrated) {
		return "migrations"
	}
	return "database"
}
