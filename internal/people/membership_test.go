package people_test

import (
	"context"
	"dangjian/internal/access"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/people"
)

func TestMembershipRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		pid, mid := w.enrol(t, ctx, "张测试", "a1.org", "2020-01-01", 11)
		start := func(edit func(*people.MembershipInput)) error {
			in := people.MembershipInput{PersonID: pid, OrgID: w.ids["a2.org"], Status: people.Full, Category: people.Resident,
				JoinedPartyOn: d("1995-07-01"), From: d("2021-01-01"), Reason: people.TransferIn, FromOrgName: "外省某支部"}
			edit(&in)
			_, err := w.s.Start(ctx, in)
			return err
		}
		cases := []struct {
			name       string
			edit       func(*people.MembershipInput)
			key, field string
		}{
			{"status", func(m *people.MembershipInput) { m.Status = "x" }, "err.status_invalid", "status"},
			{"category", func(m *people.MembershipInput) { m.Category = "x" }, "err.category_invalid", "category"},
			{"reason", func(m *people.MembershipInput) { m.Reason = "x" }, "err.start_reason_invalid", "reason"},
			{"future", func(m *people.MembershipInput) { m.From = d("2025-07-01") }, "err.date_future", "from"},
			{"before joining", func(m *people.MembershipInput) { m.From = d("1990-01-01") }, "err.from_before_joined", "from"},
			{"transfer in needs where from", func(m *people.MembershipInput) { m.FromOrgName = "" }, "err.name_required", "from_org_name"},
			{"probationary with full date", func(m *people.MembershipInput) { m.Status, m.FullOn = people.Probationary, d("2000-01-01") }, "err.full_on_probationary", "full_on"},
			{"before the branch existed", func(m *people.MembershipInput) { m.From = d("2015-06-01"); m.Reason = people.Enrolment }, "err.date_before_established", "from"},
			{"too young", func(m *people.MembershipInput) { m.JoinedPartyOn = d("1985-01-01") }, "err.joined_too_young", "joined_party_on"},
			{"overlap with the open one", func(m *people.MembershipInput) {}, "err.membership_overlap_open", "from"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) { wantKey(t, start(c.edit), c.key, c.field) })
		}

		// Transfer into an ended branch is refused; into a live one it ends
		// the old membership and starts the new one the same day.
		if err := w.areas.DissolveOrg(ctx, w.ids["b1.org"], d("2022-01-01"), ""); err != nil {
			t.Fatal(err)
		}
		_, err := w.s.Transfer(ctx, people.TransferInput{MembershipID: mid, ToOrgID: w.ids["b1.org"], On: d("2023-01-01")})
		wantKey(t, err, "err.org_ended", "to_org_id")
		_, err = w.s.Transfer(ctx, people.TransferInput{MembershipID: mid, ToOrgID: w.ids["a1.org"], On: d("2023-01-01")})
		wantKey(t, err, "err.transfer_same_org", "to_org_id")
		_, err = w.s.Transfer(ctx, people.TransferInput{MembershipID: mid, ToOrgID: w.ids["a2.org"], On: d("2019-01-01")})
		wantKey(t, err, "err.date_not_after_start", "on")
		newID, err := w.s.Transfer(ctx, people.TransferInput{MembershipID: mid, ToOrgID: w.ids["a2.org"], On: d("2023-01-01"), Category: people.Retired})
		if err != nil {
			t.Fatal(err)
		}
		h, err := w.s.History(ctx, pid)
		if err != nil || len(h) != 2 {
			t.Fatalf("history = %+v, %v", h, err)
		}
		if h[0].To != d("2023-01-01") || h[0].EndReason != people.TransferOut || h[0].ToOrgName != "宾南社区党支部" ||
			h[1].ID != newID || h[1].StartReason != people.TransferIn || h[1].PreviousID != mid || h[1].FromOrgName != "迎宾社区党支部" || h[1].Category != people.Retired {
			t.Errorf("history after transfer = %+v", h)
		}
		// A closed membership that ends after a new start still overlaps.
		_, err = w.s.Start(ctx, people.MembershipInput{PersonID: pid, OrgID: w.ids["a1.org"], Status: people.Full, Category: people.Resident,
			JoinedPartyOn: d("1995-07-01"), From: d("2022-06-01"), Reason: people.OtherStart})
		wantKey(t, err, "err.membership_overlap", "from")

		// Ending: transfer out names where to; the end must follow the start.
		err = w.s.End(ctx, people.EndInput{MembershipID: newID, On: d("2024-01-01"), Reason: people.TransferOut})
		wantKey(t, err, "err.name_required", "to_org_name")
		err = w.s.End(ctx, people.EndInput{MembershipID: newID, On: d("2023-01-01"), Reason: people.Left})
		wantKey(t, err, "err.date_not_after_start", "on")
		if err := w.s.End(ctx, people.EndInput{MembershipID: newID, On: d("2024-01-01"), Reason: people.TransferOut, ToOrgName: "外区某支部"}); err != nil {
			t.Fatal(err)
		}
		err = w.s.End(ctx, people.EndInput{MembershipID: newID, On: d("2024-02-01"), Reason: people.Left})
		wantKey(t, err, "err.membership_ended", "membership_id")
		// After the end a new membership may start.
		if err := start(func(m *people.MembershipInput) { m.From = d("2024-06-01") }); err != nil {
			t.Fatal(err)
		}
	})
}

func TestProbationaryConversion(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		_, mid, err := w.s.Enrol(ctx, people.EnrolInput{Person: person("赵测试", "1990-03-03", 21),
			Membership: people.MembershipInput{OrgID: w.ids["a1.org"], Status: people.Probationary, Category: people.InService,
				JoinedPartyOn: d("2024-07-01"), From: d("2024-07-01"), Reason: people.Joined}})
		if err != nil {
			t.Fatal(err)
		}
		wantKey(t, w.s.Convert(ctx, people.ConvertInput{MembershipID: mid, On: d("2024-07-01")}), "err.full_on_before_joined", "on")
		wantKey(t, w.s.Convert(ctx, people.ConvertInput{MembershipID: mid, On: d("2025-12-01")}), "err.date_future", "on")
		if err := w.s.Convert(ctx, people.ConvertInput{MembershipID: mid, On: d("2025-07-01")}); err == nil {
			t.Fatal("conversion after today allowed")
		}
		if err := w.s.Convert(ctx, people.ConvertInput{MembershipID: mid, On: d("2025-06-30")}); err != nil {
			t.Fatal(err)
		}
		wantKey(t, w.s.Convert(ctx, people.ConvertInput{MembershipID: mid, On: d("2025-06-30")}), "err.not_probationary", "membership_id")
		// Listed as probationary before the conversion date, full from it.
		for on, want := range map[string]people.Status{"2025-06-29": people.Probationary, "2025-06-30": people.Full} {
			rows, err := w.s.ListMembers(ctx, people.MemberFilter{ActiveOn: d(on), Status: want})
			if err != nil || len(rows) != 1 || rows[0].Membership.Status != want {
				t.Errorf("on %s status %s: %+v, %v", on, want, rows, err)
			}
		}
	})
}

func TestMemberList(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		names := []struct{ name, org string }{{"王一", "a1.org"}, {"王二", "a1.org"}, {"李三", "a2.org"}, {"王四", "b1.org"}, {"刘五", "a1.org"}}
		for i, n := range names {
			w.enrol(t, ctx, n.name, n.org, "2020-01-01", 100+i)
		}
		list := func(f people.MemberFilter) []string {
			t.Helper()
			rows, err := w.s.ListMembers(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, r := range rows {
				out = append(out, r.Person.Name)
				if len(r.Person.IDNumber) != 18 || r.Person.IDNumber[6:14] != "********" {
					t.Errorf("ID number not masked: %s", r.Person.IDNumber)
				}
			}
			return out
		}
		eq := func(got []string, want ...string) {
			t.Helper()
			if len(got) != len(want) {
				t.Fatalf("got %v, want %v", got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("got %v, want %v", got, want)
				}
			}
		}
		eq(list(people.MemberFilter{}), "王一", "王二", "李三", "王四", "刘五")
		eq(list(people.MemberFilter{Name: "王"}), "王一", "王二", "王四")
		eq(list(people.MemberFilter{Name: "二"}), "王二") // any part of the name
		eq(list(people.MemberFilter{Name: "%"}))       // a LIKE wildcard is a character
		for _, tc := range []struct {
			f    people.MemberFilter
			max  int
			want int
		}{
			{people.MemberFilter{}, 100, 5},
			{people.MemberFilter{Name: "王"}, 100, 3},
			{people.MemberFilter{AreaID: w.ids["A"]}, 100, 4},
			{people.MemberFilter{}, 2, 3}, // more than 2: max+1
		} {
			if n, err := w.s.CountMembers(ctx, tc.f, tc.max); err != nil || n != tc.want {
				t.Errorf("count %+v (max %d) = %d, %v; want %d", tc.f, tc.max, n, err, tc.want)
			}
		}
		eq(list(people.MemberFilter{OrgID: w.ids["a1.org"]}), "王一", "王二", "刘五")
		eq(list(people.MemberFilter{AreaID: w.ids["A"]}), "王一", "王二", "李三", "刘五")
		restore := people.SetMaxPageOrgs(0) // the plan for scopes with many organisations
		eq(list(people.MemberFilter{AreaID: w.ids["A"]}), "王一", "王二", "李三", "刘五")
		eq(list(people.MemberFilter{AreaID: w.ids["A"], Name: "王", Limit: 1, After: 0}), "王一")
		restore()
		eq(list(people.MemberFilter{ActiveOn: d("2019-12-31")}))
		// Keyset pages of two.
		first, _ := w.s.ListMembers(ctx, people.MemberFilter{Limit: 2})
		eq(list(people.MemberFilter{Limit: 2, After: first[1].Person.ID}), "李三", "王四")
		// A scoped user sees their subtree only; the large-scope plan agrees.
		scoped := access.WithScope(ctx, w.ids["B"])
		rows, err := w.s.ListMembers(scoped, people.MemberFilter{})
		if err != nil || len(rows) != 1 || rows[0].Person.Name != "王四" {
			t.Errorf("scoped list = %+v, %v", rows, err)
		}
		_, err = w.s.ListMembers(scoped, people.MemberFilter{AreaID: w.ids["A"]})
		wantKey(t, err, "err.out_of_scope", "area_id")
		_, err = w.s.ListMembers(scoped, people.MemberFilter{OrgID: w.ids["a1.org"]})
		wantKey(t, err, "err.out_of_scope", "org_id")
	})
}
