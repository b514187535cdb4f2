package cli

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"text/tabwriter"
	"time"

	"dangjian/internal/app"
	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/auth"
	"dangjian/internal/config"
	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/i18n"
	"dangjian/internal/metrics"
	"dangjian/internal/pii"
)

func runServe(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("serve", env)
	addr := fs.String("addr", config.DefaultAddr, "address to listen on")
	withDemo := fs.Bool("demo", false, "load the demo data into an empty database first")
	certFile := fs.String("tls-cert", "", "TLS certificate (PEM) to serve HTTPS directly")
	keyFile := fs.String("tls-key", "", "TLS private key (PEM)")
	trustProxy := fs.Bool("trust-proxy", false, "behind a reverse proxy: take the client address from X-Forwarded-For and mark cookies Secure")
	keyPath := fs.String("key-file", defaultKeyFile, "the key that encrypts personal data; created (mode 0600) when absent; $DANGJIAN_KEY wins")
	af := addAnchorFlags(fs)
	anchorEvery := fs.Duration("anchor-every", 10*time.Minute, "sign the head of the audit trail this often when it moved (and at shutdown); 0 turns it off")
	metricsAllowFlag := fs.String("metrics-allow", env.Getenv("DANGJIAN_METRICS_ALLOW"), "who may read /metrics: CIDR networks or addresses, comma-separated; none turns it off (default: loopback only; $DANGJIAN_METRICS_ALLOW)")
	metricsAddr := fs.String("metrics-addr", env.Getenv("DANGJIAN_METRICS_ADDR"), "serve /metrics on this address apart from --addr (and not on --addr); $DANGJIAN_METRICS_ADDR")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *anchorEvery < 0 {
		return i18n.Errf("anchor-every", "err.anchor_every")
	}
	metricsAllow, bad, ok := metrics.ParseAllow(*metricsAllowFlag)
	if !ok {
		return i18n.Errf("metrics-allow", "err.metrics_allow", bad)
	}
	if *metricsAddr != "" && metricsAllow.None() {
		return i18n.Errf("metrics-addr", "err.metrics_addr_none")
	}
	if (*certFile == "") != (*keyFile == "") {
		return fmt.Errorf("--tls-cert and --tls-key go together")
	}
	var tlsCert tls.Certificate
	if *certFile != "" {
		var err error
		if tlsCert, err = tls.LoadX509KeyPair(*certFile, *keyFile); err != nil {
			return fmt.Errorf("cannot load the TLS certificate: %v", err)
		}
	}
	log := slog.New(slog.NewTextHandler(env.Stderr, nil))
	d, err := open(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	keys, err := openKeyring(ctx, env, d, *keyPath)
	if err != nil {
		return err
	}
	a := app.New(d, keys, app.Options{Log: log})
	if *withDemo {
		n, err := a.Areas.Count(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			if err := loadDemo(ctx, env, d, keys); err != nil {
				return err
			}
			log.Info("demo data loaded", "db", *dbURL)
		}
	}
	if err := ensureAdmin(ctx, env, a.Auth); err != nil {
		return err
	}
	var anchorer *audit.Anchorer
	if *anchorEvery > 0 {
		file := af.anchorFile(*dbURL)
		key, err := loadAnchorKey(env, *af.key, file)
		if errors.As(err, new(*i18n.Error)) {
			return err
		}
		if err != nil {
			return fmt.Errorf("%w (set $%s or give --anchor-key; --anchor-every 0 turns automatic anchors off)", err, audit.EnvAnchorKey)
		}
		anchorer = &audit.Anchorer{DB: d, Key: key, File: file, Log: log}
		fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.anchor_serving", *anchorEvery, anchorer.File, key.PublicText()))
	}
	m := a.NewMetrics()
	hs := app.HTTP{SecureCookies: *certFile != "" || *trustProxy, TrustProxy: *trustProxy, Demo: *withDemo, Metrics: m, MetricsAllow: metricsAllow}
	if *metricsAddr != "" {
		hs.MetricsAllow = metrics.Allow{} // served apart, below
	}
	handler, err := a.Handler(hs)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %v", *addr, err)
	}
	if *metricsAddr != "" {
		mln, err := net.Listen("tcp", *metricsAddr)
		if err != nil {
			ln.Close()
			return fmt.Errorf("cannot listen on %s: %v", *metricsAddr, err)
		}
		msrv := metricsServer(m, metricsAllow)
		go func() {
			if err := msrv.Serve(mln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Error("metrics listener", "err", err)
			}
		}()
		defer msrv.Close()
		fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.metrics_serving", mln.Addr(), metricsAllow))
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	scheme := "http"
	if *certFile != "" {
		scheme = "https"
		srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{tlsCert}}
		ln = tls.NewListener(ln, srv.TLSConfig)
	}
	fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.serving", *dbURL, scheme, ln.Addr()))
	go purgeSessions(ctx, a.Auth, log)
	if anchorer != nil {
		// Deferred before the background jobs' end below, so it runs after
		// them: the last anchor, at shutdown, covers every entry they and
		// the requests wrote.
		defer anchorAtShutdown(ctx, anchorer, *anchorEvery, log)()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	// At the end, the background jobs are cancelled and waited for.
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := a.Close(sctx); err != nil {
			log.Error("background jobs did not end", "err", err)
		}
	}()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}
}

// metricsServer serves /metrics alone, to the clients allow lets in: the
// listener of --metrics-addr, which no proxy fronts (forwarded requests are
// refused there).
func metricsServer(m *metrics.Metrics, allow metrics.Allow) *http.Server {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", app.MetricsHandler(m, allow, false))
	return &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second, MaxHeaderBytes: 16 << 10}
}

// defaultKeyFile is the key file beside the default database.
const defaultKeyFile = "dangjian.key"

// openKeyring loads the personal-data key and checks it against the one the
// database was first started with: the wrong key stops the start with a
// clear message, never garbage data.
//
// A key file that is missing on a database that already holds encrypted
// personal data (or the check value of a key) is an error, and no new key
// is written: a new key could never read that data, and a key file lost
// in a move or a restore must be put back, not replaced.
func openKeyring(ctx context.Context, env Env, d *db.DB, path string) (*pii.Keyring, error) {
	if env.Getenv(pii.EnvKey) == "" && path != "" {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			what, err := pii.StoredData(ctx, d.Reader())
			if err != nil {
				return nil, err
			}
			if what != "" {
				return nil, i18n.Errf("key-file", "err.cli.key_file_missing", path, what)
			}
		}
	}
	k, err := pii.LoadKey(path, env.Getenv)
	if err != nil {
		return nil, err
	}
	if err := k.Init(ctx, d.Writer()); err != nil {
		return nil, err
	}
	if k.Created() {
		fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.key_created", path))
	}
	return k, nil
}

// ensureAdmin creates "admin" on a database without accounts and prints its
// one-time password, the only time it is ever shown.
func ensureAdmin(ctx context.Context, env Env, accounts *auth.Store) error {
	pw, err := accounts.EnsureAdmin(ctx)
	if err != nil {
		return err
	}
	if pw != "" {
		fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.admin_created", pw))
	}
	return nil
}

// loadDemo loads the demo district and its accounts (after the administrator),
// and prints the accounts' one-time passwords. Its people's ID and phone
// numbers are encrypted under keys (nil: recorded without them).
func loadDemo(ctx context.Context, env Env, d *db.DB, keys *pii.Keyring) error {
	store := area.NewStore(d)
	if err := demo.LoadWith(ctx, store, keys); err != nil {
		return err
	}
	accounts := auth.NewStore(d)
	if err := ensureAdmin(ctx, env, accounts); err != nil {
		return err
	}
	creds, err := demo.Accounts(ctx, accounts, store)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.demo_accounts"))
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	for _, c := range creds {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", c.Username, c.Role, c.Area, c.Password)
	}
	return tw.Flush()
}

// anchorAtShutdown starts the anchorer's ticker and returns the function
// that stops it and makes a last anchor, with a fresh context since ctx may
// be cancelled by then.
func anchorAtShutdown(ctx context.Context, a *audit.Anchorer, every time.Duration, log *slog.Logger) func() {
	actx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { a.Run(actx, every); close(done) }()
	return func() {
		stop()
		<-done
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, _, err := a.Anchor(sctx); err != nil {
			log.Error("audit anchor at shutdown", "err", err)
		}
	}
}

// purgeSessions deletes expired sessions every ten minutes.
func purgeSessions(ctx context.Context, accounts *auth.Store, log *slog.Logger) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := accounts.PurgeExpired(ctx); err != nil {
				log.Error("purge sessions", "err", err)
			}
		}
	}
}
