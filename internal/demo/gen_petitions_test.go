package demo

import (
	"context"
	"reflect"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/pii"
	"dangjian/internal/services"
	"dangjian/internal/tally"
)

// petDumps select every column PetitionStore writes but the encrypted
// phones (comparePhones compares them decrypted), in a stable order.
var petDumps = []string{
	`SELECT id, area_id, title, channel, kind, collective, headcount, received_at, received_on, respond_by, due_at, department, unit_id,
dispatched_at, accepted_at, replied_at, reply, resolved_on, verified_on, called_back_on, satisfaction, note FROM petition_case ORDER BY id`,
	"SELECT id, case_id, received_at, channel, caller_name, content FROM petition_request ORDER BY id",
}

// replayPetitions plans the petitions as Generate does, recording the
// operations, and runs them one by one through services.PetitionStore,
// checking that it hands out the case ids the generator assigned.
func replayPetitions(t *testing.T, d *db.DB, cp *coordPlan, o GenOptions) *petPlan {
	t.Helper()
	ctx := tally.Defer(context.Background())
	pt := planPetitions(cp, o, true)
	a := area.NewStore(d)
	a.Today = func() date.Date { return o.Today }
	s := services.NewPetitionStore(d, a, o.Keys)
	s.Today, s.Now = a.Today, services.NoonOf(a.Today)
	for i, x := range pt.ops {
		var id int64
		var err error
		switch x.kind {
		case "receive":
			id, err = s.Receive(ctx, x.receipt)
		case "dispatch":
			id, err = x.target, s.Dispatch(ctx, x.target, x.step)
		case "accept":
			id, err = x.target, s.Accept(ctx, x.target, x.step.At)
		case "reply":
			id, err = x.target, s.Reply(ctx, x.target, x.step.At, x.step.Reply)
		case "resolve":
			id, err = x.target, s.Resolve(ctx, x.target, x.step.On)
		case "verify":
			id, err = x.target, s.Verify(ctx, x.target, x.step.On)
		case "callback":
			id, err = x.target, s.CallBack(ctx, x.target, x.step.On, x.step.Satisfaction)
		default:
			t.Fatalf("petition op %d: unknown kind %q", i, x.kind)
		}
		if err != nil {
			t.Fatalf("petition op %d (%s %+v): the Store refused: %v", i, x.kind, x, err)
		}
		if x.kind == "receive" && id != x.id {
			t.Fatalf("petition op %d: Store case %d, generator case %d", i, id, x.id)
		}
	}
	t.Logf("replayed %d petition operations: %d cases, %d requests", len(pt.ops), len(pt.cases), len(pt.requests))
	return pt
}

// comparePhones compares the callers' phones of two databases decrypted.
func comparePhones(t *testing.T, keys *pii.Keyring, want, got *db.DB) {
	t.Helper()
	read := func(d *db.DB) []string {
		rows, err := d.Reader().QueryContext(context.Background(), "SELECT COALESCE(caller_phone_enc, '') FROM petition_request ORDER BY id")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var enc string
			if err := rows.Scan(&enc); err != nil {
				t.Fatal(err)
			}
			plain, err := keys.DecryptFor(services.ColCallerPhone, enc)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, plain)
		}
		return out
	}
	if a, b := read(want), read(got); !reflect.DeepEqual(a, b) {
		t.Errorf("callers' phones differ: Store %d rows, Generate %d", len(a), len(b))
	}
}

// checkPetitions checks, in SQL over the whole tier, the rules of
// PetitionStore the generated petitions must keep, and that each kind of
// case is there.
func checkPetitions(t *testing.T, d *db.DB, st GenStats) {
	t.Helper()
	if n := countSQL(t, d, "SELECT COUNT(*) FROM petition_case"); n != st.Petitions || n == 0 {
		t.Errorf("%d cases (stats %d)", n, st.Petitions)
	}
	if n := countSQL(t, d, "SELECT COUNT(*) FROM petition_request"); n != st.PetitionRequests || n == 0 {
		t.Errorf("%d requests (stats %d)", n, st.PetitionRequests)
	}
	expectNone(t, d,
		sqlCheck{"steps out of order", `SELECT COUNT(*) FROM petition_case WHERE dispatched_at < received_at OR accepted_at < dispatched_at OR replied_at < accepted_at
OR resolved_on < received_on OR verified_on < resolved_on OR called_back_on < verified_on`},
		sqlCheck{"cases open in an ended area", "SELECT COUNT(*) FROM petition_case p JOIN area a ON a.id = p.area_id WHERE a.ended_on IS NOT NULL AND p.resolved_on IS NULL"},
		sqlCheck{"cases of an area not active the day received", `SELECT COUNT(*) FROM petition_case p JOIN area a ON a.id = p.area_id
WHERE p.received_on < a.established_on OR (a.ended_on IS NOT NULL AND p.received_on >= a.ended_on)`},
	)
	expectSome(t, d,
		sqlCheck{"collective cases resolved", "SELECT COUNT(*) FROM petition_case WHERE collective = 1 AND resolved_on IS NOT NULL"},
		sqlCheck{"cases accepted late", "SELECT COUNT(*) FROM petition_case WHERE accepted_at > respond_by"},
		sqlCheck{"cases resolved late", "SELECT COUNT(*) FROM petition_case WHERE CAST(resolved_on AS TEXT) > SUBSTR(due_at, 1, 10)"},
		sqlCheck{"unsatisfied residents", "SELECT COUNT(*) FROM petition_case WHERE satisfaction = 'unsatisfied'"},
		sqlCheck{"cases with several requests", "SELECT COUNT(*) FROM (SELECT case_id FROM petition_request GROUP BY case_id HAVING COUNT(*) > 1) x"},
	)
}
