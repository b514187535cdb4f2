package people_test

import (
	"context"
	"testing"

	"dangjian/internal/access"
	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/people"
)

// TestTypedIDNumbersBringPeopleIn: for a scoped caller, enrolling or
// appointing under an ID number recorded outside the scope answers as for a
// number nobody has (the person is brought in, their details kept), except
// a membership for someone who holds one elsewhere, refused without names;
// each lookup is audited. An unscoped caller is told the number is taken.
func TestTypedIDNumbersBringPeopleIn(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		hedong := access.WithScope(audit.WithActor(ctx, audit.Actor{Username: "hedong"}), w.ids["A"])
		open, _ := w.enrol(t, ctx, "外甲", "b1.org", "2020-01-01", 41)
		_, ended := w.enrol(t, ctx, "外乙", "b1.org", "2020-01-01", 42)
		if err := w.s.End(ctx, people.EndInput{MembershipID: ended, On: d("2023-01-01"), Reason: people.Left}); err != nil {
			t.Fatal(err)
		}
		enrolAs := func(ctx context.Context, name string, seq int) (int64, error) {
			pid, _, err := w.s.Enrol(ctx, people.EnrolInput{Person: person(name, "1970-05-06", seq),
				Membership: people.MembershipInput{OrgID: w.ids["a1.org"], Status: people.Full, Category: people.Resident,
					JoinedPartyOn: d("1995-07-01"), From: d("2024-01-01"), Reason: people.Enrolment}})
			return pid, err
		}
		_, err := enrolAs(hedong, "改名甲", 41)
		wantKey(t, err, "err.id_number_not_enrollable", "id_number")
		pid, err := enrolAs(hedong, "改名乙", 42)
		if err != nil {
			t.Fatalf("an outside person without an open membership: %v", err)
		}
		if p, err := w.s.Get(hedong, pid); err != nil || p.Name != "外乙" {
			t.Errorf("brought in: %+v %v (the stored name stays)", p, err)
		}
		if _, err := enrolAs(hedong, "新人", 43); err != nil {
			t.Errorf("a new person: %v", err)
		}
		_, err = enrolAs(ctx, "改名丙", 41)
		wantKey(t, err, "err.id_number_taken", "id_number")
		// A post brings in even a member of another branch.
		if _, _, err := w.s.AppointNew(hedong, person("改名丁", "1970-05-06", 41), people.PostInput{
			Role: people.Member, OrgID: w.ids["a1.org"], From: d("2024-02-01")}); err != nil {
			t.Errorf("appoint a person outside: %v", err)
		}
		if p, err := w.s.Get(hedong, open); err != nil || p.Name != "外甲" {
			t.Errorf("appointed: %+v %v", p, err)
		}
		var lookups int
		if err := dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_entry WHERE action = 'person.lookup' AND username = 'hedong'").Scan(&lookups); err != nil || lookups != 2 {
			t.Errorf("%d lookups audited (%v), want 2: the brought-in membership and post (a refused write leaves none)", lookups, err)
		}
	})
}
