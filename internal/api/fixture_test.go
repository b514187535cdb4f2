package api_test

import (
	"context"
	"dangjian/internal/api"
	dapp "dangjian/internal/app"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
	"fmt"
	"log/slog"
	"net/http"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/date"
	"dangjian/internal/db"
)

// testToday is the clock of every test store, so that dates are stable.
var testToday = date.MustParse("2025-06-30")

// fixture is the test world's small district (testkit.World) with its
// standard callers, behind a mux with the API registered.
type fixture struct {
	*testkit.World
	h   *api.Handler
	mux *http.ServeMux
}

// nobody is the "as" of a scenario that sends no token of the fixture's.
const nobody = testkit.Nobody

func newFixture(t *testing.T, d *db.DB) *fixture {
	t.Helper()
	w := testkit.New(t, d, testkit.Options{Today: testToday})
	w.Callers()
	f := &fixture{World: w, mux: http.NewServeMux(), h: w.App.APIHandler()}
	f.h.Register(f.mux)
	return f
}

// adminToken creates a ready admin account on d and returns the account
// store and the Authorization header of its token, for tests that need no
// district.
func adminToken(t testing.TB, d *db.DB) (*auth.Store, string) {
	t.Helper()
	w := testkit.New(t, d, testkit.Options{Empty: true})
	w.Caller("admin", auth.Admin, "", true)
	return w.App.Auth, w.Bearer("admin")
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

// enrol records a member of the party organisation org (a name in f.IDs)
// with a valid fictional ID number (seq makes it unique) and a phone.
func (f *fixture) enrol(t testing.TB, org, name string, seq int) int64 {
	t.Helper()
	pid, _, err := f.App.People.Enrol(context.Background(), people.EnrolInput{
		Person: people.PersonInput{Name: name, Gender: people.Female, IDNumber: fakeID(seq), Phone: fmt.Sprintf("139%08d", 20000+seq)},
		Membership: people.MembershipInput{OrgID: f.IDs[org], Status: people.Full, Category: people.Resident,
			JoinedPartyOn: date.MustParse("2001-07-01"), From: date.MustParse("2021-01-01"), Reason: people.Enrolment},
	})
	if err != nil {
		t.Fatalf("enrol %s: %v", name, err)
	}
	f.IDs[name] = pid
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
