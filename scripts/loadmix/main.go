// Command loadmix is the mixed load of issue 15 item 10: workers spread over
// several dangjian servers (one database) read pages and the API, write
// good deeds through the API and through the web form, while an import runs
// again and again; it prints each kind's count, errors and latencies (p50,
// p99, max) and writes what the server acknowledged — the ids the API
// writes returned and the titles of the form writes answered 303 — to files,
// so that a check in the database afterwards finds every acknowledged write
// (scripts/loadheld.sh). It is not part of dangjian.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

type result struct {
	kind string
	d    time.Duration
	err  string
}

func main() {
	servers := flag.String("servers", "http://127.0.0.1:18281,http://127.0.0.1:18282", "comma-separated base URLs of the servers")
	user := flag.String("user", "", "account to sign in with (pages and form writes)")
	password := flag.String("password", "", "its password")
	token := flag.String("token", "", "API token (API reads and writes)")
	area := flag.Int64("area", 0, "community id the writes go to and the reads look at")
	duration := flag.Duration("duration", 60*time.Second, "how long the load runs")
	workers := flag.Int("workers", 16, "concurrent clients")
	importFile := flag.String("import-file", "", "file to import again and again while the load runs (empty: no import)")
	importKind := flag.String("import-kind", "units", "members, units or posts")
	importDry := flag.Bool("import-dry", false, "dry-run imports (check only)")
	out := flag.String("out", "loadmix", "prefix of the files of acknowledged writes (PREFIX-ids.txt, PREFIX-titles.txt)")
	flag.Parse()
	bases := strings.Split(*servers, ",")
	run := fmt.Sprintf("lm%d", time.Now().Unix())

	// One sign-in on the first server: its session cookie is sent to every
	// server (sessions live in the database: item 1 of the issue).
	jar, _ := cookiejar.New(nil)
	signin := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := signin.PostForm(bases[0]+"/signin", url.Values{"username": {*user}, "password": {*password}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		fmt.Fprintf(os.Stderr, "sign-in: %v %v\n", err, resp)
		os.Exit(1)
	}
	resp.Body.Close()
	u0, _ := url.Parse(bases[0])
	cookies := jar.Cookies(u0)
	var cookieHdr []string
	for _, c := range cookies {
		cookieHdr = append(cookieHdr, c.Name+"="+c.Value)
	}
	cookie := strings.Join(cookieHdr, "; ")

	tr := &http.Transport{MaxIdleConnsPerHost: *workers * 2}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	year := time.Now().Year()
	pages := []string{"/", "/good-deeds", fmt.Sprintf("/members?area=%d", *area), fmt.Sprintf("/areas/%d", *area), "/areas"}
	apis := []string{fmt.Sprintf("/api/v1/good-deeds?area=%d", *area), fmt.Sprintf("/api/v1/figures?area=%d", *area),
		fmt.Sprintf("/api/v1/members?area=%d&limit=10", *area), "/api/v1/areas?limit=100", fmt.Sprintf("/api/v1/areas/%d", *area)}

	var mu sync.Mutex
	var results []result
	var ids, titles []string
	record := func(r result) { mu.Lock(); results = append(results, r); mu.Unlock() }
	do := func(kind string, req *http.Request, want int) (*http.Response, []byte, bool) {
		start := time.Now()
		resp, err := client.Do(req)
		var body []byte
		if err == nil {
			body, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		r := result{kind: kind, d: time.Since(start)}
		switch {
		case err != nil:
			r.err = err.Error()
		case resp.StatusCode != want:
			r.err = fmt.Sprintf("%s %s: %d %.200s", req.Method, req.URL.Path, resp.StatusCode, body)
		}
		record(r)
		return resp, body, r.err == ""
	}

	deadline := time.Now().Add(*duration)
	var wg sync.WaitGroup
	for w := range *workers {
		wg.Go(func() {
			for n := 0; time.Now().Before(deadline); n++ {
				base := bases[(w+n)%len(bases)]
				switch p := rand.IntN(100); {
				case p < 35:
					req, _ := http.NewRequest("GET", base+pages[rand.IntN(len(pages))], nil)
					req.Header.Set("Cookie", cookie)
					do("page read", req, 200)
				case p < 70:
					req, _ := http.NewRequest("GET", base+apis[rand.IntN(len(apis))], nil)
					req.Header.Set("Authorization", "Bearer "+*token)
					do("api read", req, 200)
				case p < 85:
					title := fmt.Sprintf("%s-api-%d-%d", run, w, n)
					body := fmt.Sprintf(`{"area_id":%d,"kind":"practical","title":%q,"on":"%d-01-02"}`, *area, title, year)
					req, _ := http.NewRequest("POST", base+"/api/v1/good-deeds", strings.NewReader(body))
					req.Header.Set("Authorization", "Bearer "+*token)
					req.Header.Set("Content-Type", "application/json")
					if _, b, ok := do("api write", req, 201); ok {
						var got struct{ ID int64 }
						if json.Unmarshal(b, &got) == nil && got.ID > 0 {
							mu.Lock()
							ids = append(ids, fmt.Sprint(got.ID))
							mu.Unlock()
						}
					}
				default:
					title := fmt.Sprintf("%s-form-%d-%d", run, w, n)
					form := url.Values{"area_id": {fmt.Sprint(*area)}, "kind": {"practical"}, "title": {title},
						"beneficiaries": {"1"}, "on": {fmt.Sprintf("%d-01-03", year)}}
					req, _ := http.NewRequest("POST", base+"/good-deeds/new", strings.NewReader(form.Encode()))
					req.Header.Set("Cookie", cookie)
					req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
					if _, _, ok := do("form write", req, http.StatusSeeOther); ok {
						mu.Lock()
						titles = append(titles, title)
						mu.Unlock()
					}
				}
			}
		})
	}
	imports := 0
	if *importFile != "" {
		data, err := os.ReadFile(*importFile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		wg.Go(func() {
			for i := 0; time.Now().Before(deadline); i++ {
				base := bases[i%len(bases)]
				var buf bytes.Buffer
				mw := multipart.NewWriter(&buf)
				mw.WriteField("kind", *importKind)
				if *importDry {
					mw.WriteField("dry_run", "true")
				}
				fw, _ := mw.CreateFormFile("file", filepath.Base(*importFile))
				fw.Write(data)
				mw.Close()
				req, _ := http.NewRequest("POST", base+"/api/v1/imports", &buf)
				req.Header.Set("Authorization", "Bearer "+*token)
				req.Header.Set("Content-Type", mw.FormDataContentType())
				start := time.Now()
				resp, body, ok := do("import start", req, http.StatusAccepted)
				if !ok {
					time.Sleep(time.Second)
					continue
				}
				loc := resp.Header.Get("Location")
				// Poll the job on the other server: jobs live in the database.
				other := bases[(i+1)%len(bases)]
				for {
					time.Sleep(500 * time.Millisecond)
					req, _ := http.NewRequest("GET", other+loc, nil)
					req.Header.Set("Authorization", "Bearer "+*token)
					_, b, ok := do("import poll", req, 200)
					if !ok {
						break
					}
					var st struct{ State string }
					json.Unmarshal(b, &st)
					if st.State != "running" && st.State != "queued" && st.State != "" {
						r := result{kind: "import (whole job)", d: time.Since(start)}
						if st.State != "done" {
							r.err = fmt.Sprintf("import %s: %.300s", st.State, b)
						}
						record(r)
						imports++
						break
					}
				}
				_ = body
			}
		})
	}
	wg.Wait()

	os.WriteFile(*out+"-ids.txt", []byte(strings.Join(ids, "\n")+"\n"), 0o644)
	os.WriteFile(*out+"-titles.txt", []byte(strings.Join(titles, "\n")+"\n"), 0o644)
	byKind := map[string][]time.Duration{}
	errs := map[string]int{}
	var firstErrs []string
	for _, r := range results {
		byKind[r.kind] = append(byKind[r.kind], r.d)
		if r.err != "" {
			errs[r.kind]++
			if len(firstErrs) < 10 {
				firstErrs = append(firstErrs, r.err)
			}
		}
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	fmt.Printf("run %s: %d workers on %d servers for %s, %d imports finished\n\n", run, *workers, len(bases), *duration, imports)
	fmt.Println("| kind | requests | errors | p50 ms | p99 ms | max ms |")
	fmt.Println("|---|---|---|---|---|---|")
	for _, k := range kinds {
		ds := byKind[k]
		slices.Sort(ds)
		q := func(p float64) float64 {
			return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds()) / 1000
		}
		fmt.Printf("| %s | %d | %d | %.1f | %.1f | %.1f |\n", k, len(ds), errs[k], q(0.5), q(0.99), float64(ds[len(ds)-1].Microseconds())/1000)
	}
	fmt.Printf("\nacknowledged: %d API writes (ids in %s-ids.txt), %d form writes (titles in %s-titles.txt)\n", len(ids), *out, len(titles), *out)
	for _, e := range firstErrs {
		fmt.Println("error:", e)
	}
	if len(firstErrs) > 0 {
		os.Exit(2)
	}
}
