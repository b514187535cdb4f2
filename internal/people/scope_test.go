package people_test

import (
	"context"
	"dangjian/internal/access"
	"dangjian/internal/audit"
	"dangjian/internal/pii"
	"errors"
	"strconv"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/people"
)

// TestScopedStoreRefusesOutsideItsSubtree: a user scoped to 官渡街道 can
// neither see nor change people, memberships, units, terms or posts of 河东街道,
// and the refusal is the same whether or not the record exists.
func TestScopedStoreRefusesOutsideItsSubtree(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		pid, mid := w.enrol(t, ctx, "甲党员", "a1.org", "2020-01-01", 51)
		own, ownM := w.enrol(t, ctx, "乙党员", "b1.org", "2020-01-01", 52)
		unit, err := w.s.CreateUnit(ctx, people.UnitInput{Name: "甲单位", Kind: people.StateEnterprise, Rank: people.NoRank, AreaID: w.ids["a1"], On: d("2019-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		post, err := w.s.Appoint(ctx, people.PostInput{PersonID: pid, Role: people.Secretary, OrgID: w.ids["a1.org"], From: d("2021-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		b := access.WithScope(ctx, w.ids["B"])
		out := func(err error) {
			t.Helper()
			if !errors.Is(err, area.ErrOutOfScope) {
				t.Fatalf("err = %v, want out of scope", err)
			}
		}
		_, err = w.s.Get(b, pid)
		out(err)
		_, err = w.s.Get(b, 99999)
		out(err)
		// A person outside the subtree, typed by ID number, is answered as
		// a number nobody has.
		_, outside := w.s.FindByIDNumber(b, fakeID("1970-05-06", 51))
		_, nobody := w.s.FindByIDNumber(b, fakeID("1970-05-06", 58))
		if outside == nil || nobody == nil || outside.Error() != nobody.Error() || !errors.Is(outside, people.ErrNotFound) {
			t.Fatalf("outside the subtree: %v; nobody: %v", outside, nobody)
		}
		_, err = w.s.History(b, pid)
		out(err)
		out(w.s.Update(b, pid, person("改名", "1970-05-06", 51)))
		_, _, err = w.s.Reveal(b, pid, true)
		out(err)
		_, err = w.s.Create(b, person("无处", "1970-05-06", 59))
		wantKey(t, err, "err.person_needs_place", "")
		_, _, err = w.s.Enrol(b, people.EnrolInput{Person: person("越界", "1970-05-06", 53), Membership: people.MembershipInput{
			OrgID: w.ids["a1.org"], Status: people.Full, Category: people.Resident, JoinedPartyOn: d("1995-07-01"), From: d("2021-01-01"), Reason: people.Enrolment}})
		out(err)
		_, err = w.s.Transfer(b, people.TransferInput{MembershipID: mid, ToOrgID: w.ids["b1.org"], On: d("2022-01-01")})
		out(err)
		_, err = w.s.Transfer(b, people.TransferInput{MembershipID: ownM, ToOrgID: w.ids["a1.org"], On: d("2022-01-01")})
		out(err)
		out(w.s.End(b, people.EndInput{MembershipID: mid, On: d("2022-01-01"), Reason: people.Died}))
		out(w.s.Convert(b, people.ConvertInput{MembershipID: mid, On: d("2022-01-01")}))
		_, err = w.s.Unit(b, unit)
		out(err)
		out(w.s.MoveUnit(b, people.MoveUnitInput{UnitID: unit, AreaID: w.ids["b1"], On: d("2022-01-01")}))
		_, err = w.s.CreateUnit(b, people.UnitInput{Name: "越界单位", Kind: people.StateEnterprise, Rank: people.NoRank, AreaID: w.ids["a2"], On: d("2019-01-01")})
		out(err)
		_, err = w.s.Elect(b, people.ElectionInput{OrgID: w.ids["a1.org"], ElectedOn: d("2024-01-01"), ExpectedVoters: 3, PresentVoters: 3, VotesCast: 3})
		out(err)
		_, err = w.s.Appoint(b, people.PostInput{PersonID: own, Role: people.Member, OrgID: w.ids["a1.org"], From: d("2024-01-01")})
		out(err)
		_, err = w.s.Appoint(b, people.PostInput{PersonID: pid, Role: people.Member, OrgID: w.ids["b1.org"], From: d("2024-01-01")})
		out(err)
		out(w.s.EndPost(b, people.EndPostInput{PostID: post, On: d("2024-01-01")}))
		_, err = w.s.Leadership(b, w.ids["a1.org"], d("2024-01-01"))
		out(err)
		_, err = w.s.Registrations(b, w.ids["a1"], "", d("2024-01-01"))
		out(err)

		// Inside the scope everything works.
		if _, err := w.s.Get(b, own); err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.Appoint(b, people.PostInput{PersonID: own, Role: people.Secretary, OrgID: w.ids["b1.org"], From: d("2024-01-01")}); err != nil {
			t.Fatal(err)
		}
		// A unit moved into the scope becomes visible there, and its people with it.
		if err := w.s.MoveUnit(ctx, people.MoveUnitInput{UnitID: unit, AreaID: w.ids["b1"], On: d("2023-01-01")}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.Unit(b, unit); err != nil {
			t.Errorf("moved unit not visible: %v", err)
		}
		// A member transferred out of 甲 into 乙 is visible to 乙 (and still,
		// as history, to 甲).
		if _, err := w.s.Transfer(ctx, people.TransferInput{MembershipID: mid, ToOrgID: w.ids["b1.org"], On: d("2024-01-01")}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.s.Get(b, pid); err != nil {
			t.Errorf("transferred member not visible in the new scope: %v", err)
		}
		a := access.WithScope(ctx, w.ids["A"])
		if _, err := w.s.Get(a, pid); err != nil {
			t.Errorf("former member not visible in the old scope: %v", err)
		}
		// ...but the old scope can no longer change them, since their post
		// ended? It has not: the secretary post in 甲 is still open.
		if err := w.s.EndPost(a, people.EndPostInput{PostID: post, On: d("2024-02-01")}); err != nil {
			t.Fatal(err)
		}
		out(w.s.Update(a, pid, person("甲党员", "1970-05-06", 51)))
	})
}

// Every ID-number lookup is audited (the number masked, the person found
// named for the auditor) and an account may make only so many a minute.
func TestIDNumberLookupsAuditedAndLimited(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := audit.WithActor(context.Background(), audit.Actor{Username: "lookup-tester"})
		pid, _ := w.enrol(t, ctx, "被查者", "a1.org", "2020-01-01", 81)
		if p, err := w.s.FindByIDNumber(ctx, fakeID("1970-05-06", 81)); err != nil || p.ID != pid {
			t.Fatalf("found %+v, %v", p, err)
		}
		var n int
		var target, detail string
		if err := dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*), MAX(target_id), MAX(detail) FROM audit_entry WHERE action = 'person.lookup'").Scan(&n, &target, &detail); err != nil {
			t.Fatal(err)
		}
		if n != 1 || target != strconv.FormatInt(pid, 10) || detail != pii.MaskIDNumber(fakeID("1970-05-06", 81)) {
			t.Errorf("lookup audited %d times, target %q, detail %q", n, target, detail)
		}
		var limited error
		for range 40 {
			if _, err := w.s.FindByIDNumber(ctx, fakeID("1970-05-06", 81)); err != nil {
				limited = err
				break
			}
		}
		wantKey(t, limited, "err.id_lookup_rate", "id_number")
		other := audit.WithActor(context.Background(), audit.Actor{Username: "someone-else"})
		if _, err := w.s.FindByIDNumber(other, fakeID("1970-05-06", 81)); err != nil {
			t.Errorf("another account is limited too: %v", err)
		}
	})
}
