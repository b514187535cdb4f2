package api_test

import (
	"context"
	"dangjian/internal/api"
	dapp "dangjian/internal/app"
	"dangjian/internal/people"
	"dangjian/internal/pii"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// testToday is the clock of every test store, so that dates are stable.
var testToday = date.MustParse("2025-06-30")

// fixture is a small district behind a mux with the API registered.
//
//	示范区 (2020-01-01)
//	├─ 河东街道 — 河东街道党委 (committee)
//	│  ├─ 迎宾社区 — 迎宾社区党支部 (branch)
//	│  ├─ 宾南社区
//	│  └─ 河滨社区 — merged into 宾南社区 on 2023-03-01
//	└─ 官渡街道
//	   └─ 官渡社区
//
// and these API callers (fixture.tokens, by the name a scenario gives in
// "as"; "" is admin):
//
//	admin      admin
//	district   district officer of 示范区
//	hedong     subdistrict officer of 河东街道
//	yingbin    community secretary of 迎宾社区
//	viewer     viewer of 河东街道
//	auditor    auditor
//	fresh      community secretary of 迎宾社区 who has not changed the initial password
//	expired    admin's token that expired yesterday
//	revoked    admin's token that was revoked
type fixture struct {
	h      *api.Handler
	mux    *http.ServeMux
	db     *db.DB
	store  *area.Store
	people *people.Store
	auth   *auth.Store
	ids    map[string]int64
	tokens map[string]string
}

// nobody is the "as" of a scenario that sends no token of the fixture's
// (only the Authorization header the scenario itself sets, if any).
const nobody = "nobody"

// testPassword meets the password policy.
const testPassword = "Test-Passw0rd-1"

func newFixture(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	params := auth.TestParams
	a := dapp.New(d, testKeys(t), dapp.Options{Today: func() date.Date { return testToday }, AuthParams: &params})
	store, accounts := a.Areas, a.Auth
	f := &fixture{mux: http.NewServeMux(), db: d, store: store, people: a.People, auth: accounts, ids: map[string]int64{}, tokens: map[string]string{}}
	f.h = a.APIHandler()
	f.h.Register(f.mux)
	start := date.MustParse("2020-01-01")
	create := func(name, parent string, level area.Level) {
		id, err := store.Create(ctx, area.CreateInput{ParentID: f.ids[parent], Level: level, Name: name, On: start})
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		f.ids[name] = id
	}
	org := func(name, on string, kind area.OrgKind) {
		id, err := store.CreateOrg(ctx, area.OrgInput{AreaID: f.ids[on], Kind: kind, Name: name, On: start})
		if err != nil {
			t.Fatalf("org %s: %v", name, err)
		}
		f.ids[name] = id
	}
	create("示范区", "", area.District)
	create("河东街道", "示范区", area.Subdistrict)
	create("官渡街道", "示范区", area.Subdistrict)
	for _, c := range []string{"迎宾社区", "宾南社区", "河滨社区"} {
		create(c, "河东街道", area.Community)
	}
	create("官渡社区", "官渡街道", area.Community)
	org("河东街道党委", "河东街道", area.Committee)
	org("迎宾社区党支部", "迎宾社区", area.Branch)
	if err := store.Merge(ctx, area.MergeInput{AreaID: f.ids["河滨社区"], TargetID: f.ids["宾南社区"], On: date.MustParse("2023-03-01")}); err != nil {
		t.Fatalf("merge: %v", err)
	}
	f.caller(t, "admin", auth.Admin, "", true)
	f.caller(t, "district", auth.District, "示范区", true)
	f.caller(t, "hedong", auth.Subdistrict, "河东街道", true)
	f.caller(t, "yingbin", auth.Community, "迎宾社区", true)
	f.caller(t, "viewer", auth.Viewer, "河东街道", true)
	f.caller(t, "auditor", auth.Auditor, "", true)
	f.caller(t, "fresh", auth.Community, "迎宾社区", false)
	admin := f.ids["admin"]
	yesterday := &auth.Store{DB: d, Params: auth.TestParams, Now: func() time.Time { return time.Now().Add(-48 * time.Hour) }}
	if _, secret, err := yesterday.CreateToken(ctx, admin, "expired", 24*time.Hour); err != nil {
		t.Fatalf("expired token: %v", err)
	} else {
		f.tokens["expired"] = secret
	}
	tok, secret, err := accounts.CreateToken(ctx, admin, "revoked", 24*time.Hour)
	if err != nil {
		t.Fatalf("token: %v", err)
	}
	if err := accounts.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	f.tokens["revoked"] = secret
	return f
}

// caller creates an account named username with role, scoped to the area
// named areaName (none when ""), and an API token for it. ready accounts
// have replaced their initial password.
func (f *fixture) caller(t testing.TB, username string, role auth.Role, areaName string, ready bool) {
	t.Helper()
	ctx := context.Background()
	in := auth.NewAccount{Username: username, Role: role, AreaID: f.ids[areaName]}
	if role.NeedsUnit() {
		in.AreaID, in.UnitID = 0, f.ids[areaName]
	}
	a, pw, err := f.auth.Create(ctx, in)
	if err != nil {
		t.Fatalf("account %s: %v", username, err)
	}
	if ready {
		if err := f.auth.ChangePassword(ctx, a.ID, pw, testPassword, ""); err != nil {
			t.Fatalf("password of %s: %v", username, err)
		}
	}
	_, secret, err := f.auth.CreateToken(ctx, a.ID, "test", 24*time.Hour)
	if err != nil {
		t.Fatalf("token of %s: %v", username, err)
	}
	f.ids[username] = a.ID
	f.tokens[username] = secret
}

// bearer is the Authorization header of the caller named as ("" is admin).
func (f *fixture) bearer(t testing.TB, as string) string {
	t.Helper()
	if as == "" {
		as = "admin"
	}
	secret, ok := f.tokens[as]
	if !ok {
		t.Fatalf("the fixture has no caller %q", as)
	}
	return "Bearer " + secret
}

// expand replaces {name} with the id of name in s, and {token:name} with
// the API token of the caller name.
func (f *fixture) expand(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	pairs := make([]string, 0, 2*len(f.ids)+2*len(f.tokens))
	for name, id := range f.ids {
		pairs = append(pairs, "{"+name+"}", strconv.FormatInt(id, 10))
	}
	for name, secret := range f.tokens {
		pairs = append(pairs, "{token:"+name+"}", secret)
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// adminToken creates a ready admin account on d and returns the account
// store and the Authorization header of its token, for tests that need no
// fixture.
func adminToken(t testing.TB, d *db.DB) (*auth.Store, string) {
	t.Helper()
	f := &fixture{db: d, auth: &auth.Store{DB: d, Params: auth.TestParams, Now: time.Now}, ids: map[string]int64{}, tokens: map[string]string{}}
	f.caller(t, "admin", auth.Admin, "", true)
	return f.auth, f.bearer(t, "admin")
}

// apiHandler is the API of the whole application over d, with the
// accounts of accounts and its log written to log (nil: discarded).
func apiHandler(d *db.DB, accounts *auth.Store, log *slog.Logger) *api.Handler {
	h := dapp.New(d, nil, dapp.Options{Log: log}).APIHandler()
	h.Auth = accounts
	return h
}

// wholeAPI is the API of the whole application without a database, for
// the tests of its route table and document.
func wholeAPI() *api.Handler { return dapp.New(nil, nil, dapp.Options{}).APIHandler() }

// mustDocument is the whole OpenAPI document.
func mustDocument(t testing.TB) []byte {
	t.Helper()
	b, err := wholeAPI().Document()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// testKeys is a fixed personal-data key, for tests only.
func testKeys(t testing.TB) *pii.Keyring {
	t.Helper()
	key := make([]byte, pii.KeySize)
	for i := range key {
		key[i] = byte(i*11 + 5)
	}
	k, err := pii.New(key)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// enrol records a member of the party organisation org (a name in f.ids)
// with a valid fictional ID number (seq makes it unique) and a phone.
func (f *fixture) enrol(t testing.TB, org, name string, seq int) int64 {
	t.Helper()
	pid, _, err := f.people.Enrol(context.Background(), people.EnrolInput{
		Person: people.PersonInput{Name: name, Gender: people.Female, IDNumber: fakeID(seq), Phone: fmt.Sprintf("139%08d", 20000+seq)},
		Membership: people.MembershipInput{OrgID: f.ids[org], Status: people.Full, Category: people.Resident,
			JoinedPartyOn: date.MustParse("2001-07-01"), From: date.MustParse("2021-01-01"), Reason: people.Enrolment},
	})
	if err != nil {
		t.Fatalf("enrol %s: %v", name, err)
	}
	f.ids[name] = pid
	return pid
}

// fakeID is a fictional GB 11643 ID number (area code 449900, born
// 1980-01-01, sequence seq) with its check digit.
func fakeID(seq int) string {
	body := fmt.Sprintf("44990019800101%03d", seq%1000)
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(body[i]-'0') * w
	}
	return body + string("10X98765432"[sum%11])
}
