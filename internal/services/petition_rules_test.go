package services_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/internal/access"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
	"dangjian/internal/services"
)

// TestPetitionRules: every refusal names its field with a message in both
// languages and the class of what happened, and writes nothing; a case
// goes from receipt to callback in order, each step once.
func TestPetitionRules(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPtWorld(t, dbh)
		s, ctx := p.s, context.Background()
		open := p.receive(ptCase{title: "楼道灯坏", area: "迎宾社区", kind: "help", received: "2025-06-01 09:00"})
		accepted := p.receive(ptCase{title: "噪音扰民", area: "迎宾社区", kind: "complaint", received: "2025-06-02 09:00", agency: "区城管局"})
		p.ok(s.Accept(ctx, accepted, ptAt("2025-06-02 10:00")))
		done := p.receive(ptCase{title: "路灯不亮", area: "宾南社区", kind: "help", received: "2025-06-03 09:00", agency: "区城管局", accepted: "2025-06-03 10:00", resolved: "2025-06-04", sat: "satisfied"})
		count := func() (n int) {
			p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT (SELECT COUNT(*) FROM petition_case) + (SELECT COUNT(*) FROM petition_request) + (SELECT COUNT(*) FROM audit_entry)").Scan(&n))
			return n
		}
		before := count()
		receipt := func(mod func(*services.PetitionReceipt)) func() error {
			return func() error {
				in := services.PetitionReceipt{AreaID: p.ID("迎宾社区"), Title: "违建", Type: "report", ReceivedAt: ptAt("2025-06-10 08:00"), Channel: "visit"}
				mod(&in)
				_, err := s.Receive(ctx, in)
				return err
			}
		}
		for _, tc := range []struct {
			name, key, field string
			class            error
			do               func() error
		}{
			{"a collective petition of one person", "err.petition_headcount_collective", "headcount", nil, receipt(func(in *services.PetitionReceipt) { in.Collective, in.Headcount = true, 1 })},
			{"a headcount of 5 not marked collective", "err.petition_headcount_single", "collective", nil, receipt(func(in *services.PetitionReceipt) { in.Headcount = 5 })},
			{"no title", "err.petition_required", "title", nil, receipt(func(in *services.PetitionReceipt) { in.Title = " " })},
			{"a type not in the list", "err.petition_type_invalid", "type", nil, receipt(func(in *services.PetitionReceipt) { in.Type = "praise" })},
			{"a channel not in the list", "err.petition_channel_invalid", "channel", nil, receipt(func(in *services.PetitionReceipt) { in.Channel = "pigeon" })},
			{"no time", "err.petition_time_required", "received_at", nil, receipt(func(in *services.PetitionReceipt) { in.ReceivedAt = time.Time{} })},
			{"a time after now", "err.petition_time_future", "received_at", nil, receipt(func(in *services.PetitionReceipt) { in.ReceivedAt = ptAt("2025-07-01 08:00") })},
			{"a bad phone", "err.phone_invalid", "caller_phone", nil, receipt(func(in *services.PetitionReceipt) { in.CallerPhone = "12345" })},
			{"a district receives none", "err.petition_area_level", "area_id", fault.BadReference, receipt(func(in *services.PetitionReceipt) { in.AreaID = p.ID("示范区") })},
			{"a community merged away", "err.petition_area_inactive", "area_id", nil, receipt(func(in *services.PetitionReceipt) { in.AreaID = p.ID("河滨社区") })},
			{"an area outside the caller's subtree", "err.out_of_scope", "area_id", fault.OutOfScope, func() error {
				_, err := s.Receive(access.WithScope(ctx, p.ID("官渡街道")), services.PetitionReceipt{AreaID: p.ID("迎宾社区"), Title: "x", Type: "help", ReceivedAt: ptAt("2025-06-10 08:00"), Channel: "visit"})
				return err
			}},
			{"a request for a resolved case", "err.petition_closed", "case_id", fault.Conflict, receipt(func(in *services.PetitionReceipt) { in.CaseID = done })},
			{"a request before its case", "err.petition_request_before_case", "received_at", nil, receipt(func(in *services.PetitionReceipt) {
				in.CaseID, in.ReceivedAt = open, ptAt("2025-05-31 08:00")
			})},
			{"a case outside the caller's subtree", "err.petition_unknown", "case_id", fault.NotFound, func() error {
				return s.Accept(access.WithScope(ctx, p.ID("官渡街道")), accepted, ptAt("2025-06-02 11:00"))
			}},
			{"dispatched to nobody", "err.petition_agency_required", "department", nil, func() error { return s.Dispatch(ctx, open, services.PetitionStep{At: ptAt("2025-06-01 10:00")}) }},
			{"dispatched to a unit that is not", "err.petition_unit_unknown", "unit_id", fault.BadReference, func() error {
				return s.Dispatch(ctx, open, services.PetitionStep{At: ptAt("2025-06-01 10:00"), UnitID: 99999})
			}},
			{"dispatched before received", "err.petition_step_before", "at", nil, func() error {
				return s.Dispatch(ctx, open, services.PetitionStep{At: ptAt("2025-06-01 08:59"), Department: "区城管局"})
			}},
			{"accepted before dispatched", "err.petition_step_missing", "at", fault.Conflict, func() error { return s.Accept(ctx, open, ptAt("2025-06-01 10:00")) }},
			{"accepted twice", "err.petition_step_done", "at", fault.Conflict, func() error { return s.Accept(ctx, accepted, ptAt("2025-06-02 11:00")) }},
			{"dispatched again once accepted", "err.petition_step_done", "at", fault.Conflict, func() error {
				return s.Dispatch(ctx, accepted, services.PetitionStep{At: ptAt("2025-06-02 11:00"), Department: "区住建局"})
			}},
			{"resolved before replied", "err.petition_step_missing", "on", fault.Conflict, func() error { return s.Resolve(ctx, accepted, ptDay("2025-06-05")) }},
			{"resolved before received", "err.petition_resolved_before_received", "on", nil, func() error { return s.Resolve(ctx, accepted, ptDay("2025-06-01")) }},
			{"resolved twice", "err.petition_step_done", "on", fault.Conflict, func() error { return s.Resolve(ctx, done, ptDay("2025-06-05")) }},
			{"a satisfaction on an unresolved case", "err.petition_satisfaction_unresolved", "satisfaction", fault.Conflict, func() error {
				return s.CallBack(ctx, accepted, ptDay("2025-06-05"), "satisfied")
			}},
			{"a satisfaction not in the list", "err.petition_satisfaction_invalid", "satisfaction", nil, func() error { return s.CallBack(ctx, done, ptDay("2025-06-05"), "happy") }},
			{"called back twice", "err.petition_step_done", "on", fault.Conflict, func() error { return s.CallBack(ctx, done, ptDay("2025-06-05"), "unsatisfied") }},
			{"verified before resolved", "err.petition_step_missing", "on", fault.Conflict, func() error { return s.Verify(ctx, accepted, ptDay("2025-06-05")) }},
			{"a reply without words", "err.petition_required", "reply", nil, func() error { return s.Reply(ctx, accepted, ptAt("2025-06-02 11:00"), "") }},
			{"a day after today", "err.date_future", "on", nil, func() error { return s.Resolve(ctx, accepted, ptDay("2025-07-01")) }},
		} {
			t.Run(tc.name, func(t *testing.T) {
				err := tc.do()
				var ie *i18n.Error
				if !errors.As(err, &ie) || ie.Key != tc.key || ie.Field != tc.field {
					t.Fatalf("got %v (%+v), want %s on %s", err, ie, tc.key, tc.field)
				}
				if tc.class != nil && !errors.Is(err, tc.class) {
					t.Errorf("%v is not of class %v", err, tc.class)
				}
				if !i18n.Has(ie.Key) || strings.Contains(ie.In(i18n.ZH), "%!") || strings.Contains(ie.In(i18n.EN), "%!") {
					t.Errorf("%s: %q / %q", ie.Key, ie.In(i18n.ZH), ie.In(i18n.EN))
				}
			})
		}
		if after := count(); after != before {
			t.Errorf("%d rows written by refused writes", after-before)
		}

		// A second resident's request joins the open case; the phone is
		// stored encrypted, shown masked, and never in the audit trail.
		if id, err := s.Receive(ctx, services.PetitionReceipt{CaseID: open, ReceivedAt: ptAt("2025-06-01 15:00"), Channel: "online", CallerName: "李某", CallerPhone: "139 0000 2222"}); err != nil || id != open {
			t.Fatalf("attach: %d, %v", id, err)
		}
		c, err := s.Petition(ctx, open)
		p.ok(err)
		if len(c.Requests) != 2 || c.Requests[1].CallerPhone != "139****2222" || c.Requests[0].CallerName != "张某" {
			t.Errorf("requests: %+v", c.Requests)
		}
		var plain int
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM petition_request WHERE caller_phone_enc LIKE '%13900002222%' OR caller_phone_enc LIKE '%13800001111%'").Scan(&plain))
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT ? + COUNT(*) FROM audit_entry WHERE after_json LIKE '%13900002222%' OR after_json LIKE '%13800001111%'", plain).Scan(&plain))
		if plain != 0 {
			t.Errorf("%d rows hold a caller's phone in plain text", plain)
		}
		var audited int
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'petition.%' AND target_id = ?", strconv.FormatInt(done, 10)).Scan(&audited))
		if audited != 7 {
			t.Errorf("%d audit entries for a case taken to callback, want 7 (receive and six steps)", audited)
		}

		// A case may go to a stationed unit instead of a department; the
		// unit is its agency.
		unit, err := p.App.People.CreateUnit(ctx, people.UnitInput{Name: "示范供电所", Kind: people.StateEnterprise, Rank: people.NoRank,
			AreaID: p.ID("官渡社区"), On: ptDay("2020-01-01")})
		p.ok(err)
		p.ok(s.Dispatch(ctx, open, services.PetitionStep{At: ptAt("2025-06-01 16:00"), UnitID: unit}))
		if c, _ := s.Petition(ctx, open); c.Agency() != "示范供电所" || c.Department != "" || c.Stage() != "dispatched" {
			t.Errorf("dispatched to a unit: %+v", c)
		}
		if err := s.Dispatch(ctx, open, services.PetitionStep{At: ptAt("2025-06-01 16:00"), UnitID: unit, Department: "区城管局"}); err == nil {
			t.Error("a case was sent to a unit and a department at once")
		}

		// Time limits: a help request is due 3 days after receipt; at
		// 2025-06-30 the open one is overdue, the resolved one on time.
		if c.DueAt != ptAt("2025-06-04 09:00") || !c.Overdue(s.Now()) || c.Stage() != "received" || c.Agency() != "" {
			t.Errorf("open case: due %v, overdue %v, stage %s", c.DueAt, c.Overdue(s.Now()), c.Stage())
		}
		d, err := s.Petition(ctx, done)
		p.ok(err)
		if d.Overdue(s.Now()) || d.Late() || d.Stage() != "called_back" || d.Satisfaction != "satisfied" || d.Agency() != "区城管局" {
			t.Errorf("resolved case: %+v", d)
		}
		fresh := p.receive(ptCase{title: "咨询政策", area: "官渡社区", kind: "consult", received: "2025-06-30 08:00"})
		f, _ := s.Petition(ctx, fresh)
		if left := f.Left(s.Now()); left != 20*time.Hour || f.Overdue(s.Now()) {
			t.Errorf("a consultation received at 8:00 has %v left at noon, want 20h", left)
		}

		// The list: open cases first, the most urgent on top; a scoped
		// caller sees their subtree only.
		list, err := s.ListPetitions(ctx, services.PetitionFilter{})
		p.ok(err)
		got := []int64{}
		for _, x := range list {
			got = append(got, x.ID)
		}
		if want := []int64{open, accepted, fresh, done}; !ptEqualIDs(got, want) {
			t.Errorf("list: %v, want %v", got, want)
		}
		page, err := s.ListPetitions(ctx, services.PetitionFilter{After: &list[1], Limit: 1})
		p.ok(err)
		if len(page) != 1 || page[0].ID != fresh {
			t.Errorf("the page after the second: %+v", page)
		}
		// Resolved ones follow, the latest due first, and the pages run on
		// across the two parts.
		done2 := p.receive(ptCase{title: "井盖松动", area: "宾南社区", kind: "help", received: "2025-06-20 09:00", agency: "区城管局", accepted: "2025-06-20 10:00", resolved: "2025-06-21"})
		var walked []int64
		var last *services.Petition
		for range 6 {
			pg, err := s.ListPetitions(ctx, services.PetitionFilter{After: last, Limit: 1})
			p.ok(err)
			if len(pg) == 0 {
				break
			}
			walked, last = append(walked, pg[0].ID), &pg[0]
		}
		if want := []int64{open, accepted, fresh, done2, done}; !ptEqualIDs(walked, want) {
			t.Errorf("paged one by one: %v, want %v", walked, want)
		}
		scoped, err := s.ListPetitions(access.WithScope(ctx, p.ID("官渡街道")), services.PetitionFilter{Status: "open"})
		p.ok(err)
		if len(scoped) != 1 || scoped[0].ID != fresh {
			t.Errorf("官渡街道's open cases: %+v", scoped)
		}
	})
}

func ptEqualIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
