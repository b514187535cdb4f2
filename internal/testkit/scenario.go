package testkit

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"dangjian/internal/app"
)

// Scenario is one HTTP exchange: the request, the status expected and what
// the response must hold. Every string may name records as Expand does.
type Scenario struct {
	Name string
	// As names the caller whose API token a request sent by Serve carries
	// ("" is admin; Nobody sends none). Page clients authenticate
	// themselves.
	As     string
	Method string // GET when empty
	Path   string
	Body   string     // a JSON body
	Form   url.Values // a form body
	Lang   string     // the lang cookie of a page request (zh when empty)
	Header map[string]string

	Status   int
	Location string   // the expected Location of a redirect
	Want     []string // fragments the body must contain
	Not      []string // fragments the body must not contain
	InOrder  []string // fragments that must appear in this order
	Headers  map[string]string
}

// Nobody is the As of a scenario whose request carries no token of the
// world's (only the Authorization header the scenario sets, if any).
const Nobody = "nobody"

// Label names sc in failures.
func (sc Scenario) Label() string {
	l := sc.Name + " (" + sc.method() + " " + sc.Path + ")"
	if sc.As != "" {
		l += " as " + sc.As
	}
	return l
}

func (sc Scenario) method() string {
	if sc.Method == "" {
		return http.MethodGet
	}
	return sc.Method
}

// Request builds sc's request to base (an httptest server's URL, or ""
// for a request served in process), with its body and headers expanded.
func (w *World) Request(sc Scenario, base string) *http.Request {
	w.T.Helper()
	var body io.Reader
	contentType := ""
	switch {
	case sc.Form != nil:
		v := url.Values{}
		for k, vs := range sc.Form {
			for _, x := range vs {
				v.Add(k, w.Expand(x))
			}
		}
		body, contentType = strings.NewReader(v.Encode()), "application/x-www-form-urlencoded"
	case sc.Body != "":
		body, contentType = strings.NewReader(w.Expand(sc.Body)), "application/json"
	}
	target := w.Expand(sc.Path)
	var req *http.Request
	if base == "" {
		req = httptest.NewRequest(sc.method(), target, body)
	} else {
		var err error
		if req, err = http.NewRequest(sc.method(), base+target, body); err != nil {
			w.T.Fatalf("%s: %v", sc.Label(), err)
		}
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range sc.Header {
		req.Header.Set(k, w.Expand(v))
	}
	return req
}

// Bearer is the Authorization header of the caller named as ("" is admin).
func (w *World) Bearer(as string) string {
	w.T.Helper()
	if as == "" {
		as = "admin"
	}
	secret, ok := w.Tokens[as]
	if !ok {
		w.T.Fatalf("the world has no caller %q", as)
	}
	return "Bearer " + secret
}

// Serve sends sc to h in process, with the API token of sc.As unless the
// scenario sets Authorization itself, and checks the response.
func (w *World) Serve(t testing.TB, h http.Handler, sc Scenario) *httptest.ResponseRecorder {
	t.Helper()
	req := w.Request(sc, "")
	if sc.As != Nobody && req.Header.Get("Authorization") == "" {
		req.Header.Set("Authorization", w.Bearer(sc.As))
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	w.Check(t, sc, rec.Code, rec.Header(), rec.Body.String())
	return rec
}

// Check compares a response with what sc expects and reports every
// difference; it returns whether the status was the one expected.
func (w *World) Check(t testing.TB, sc Scenario, status int, header http.Header, body string) bool {
	t.Helper()
	label := sc.Label()
	if status != sc.Status {
		t.Errorf("%s: status %d, want %d\n%s", label, status, sc.Status, Excerpt(body))
		return false
	}
	if sc.Location != "" {
		if got, want := header.Get("Location"), w.Expand(sc.Location); got != want {
			t.Errorf("%s: Location %q, want %q", label, got, want)
		}
	}
	for k, v := range sc.Headers {
		if got := header.Get(k); !strings.Contains(got, w.Expand(v)) {
			t.Errorf("%s: header %s = %q, want it to contain %q", label, k, got, v)
		}
	}
	for _, f := range sc.Want {
		if f = w.Expand(f); !strings.Contains(body, f) {
			t.Errorf("%s: body lacks %s\n%s", label, f, Excerpt(body))
		}
	}
	for _, f := range sc.Not {
		if f = w.Expand(f); strings.Contains(body, f) {
			t.Errorf("%s: body has %s", label, f)
		}
	}
	at := 0
	for _, f := range sc.InOrder {
		f = w.Expand(f)
		i := strings.Index(body[at:], f)
		if i < 0 {
			t.Errorf("%s: %q missing or out of order", label, f)
			break
		}
		at += i + len(f)
	}
	return true
}

// Excerpt is the part of a body worth showing in a failure: a page's
// <main>, at most 3000 bytes.
func Excerpt(s string) string {
	if i := strings.Index(s, "<main>"); i >= 0 {
		s = s[i:]
	}
	if len(s) > 3000 {
		s = s[:3000] + "…"
	}
	return s
}

// Handler is the whole application's HTTP handler (pages and API), for a
// domain's own scenario tests: w.Serve(t, w.Handler(), sc).
func (w *World) Handler() http.Handler {
	w.T.Helper()
	h, err := w.App.Handler(app.HTTP{})
	if err != nil {
		w.T.Fatalf("handler: %v", err)
	}
	return h
}
