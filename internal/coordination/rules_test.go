package coordination_test

import (
	"context"
	"errors"
	"testing"

	"dangjian/internal/coordination"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
)

// TestPartTwoRefusals: bad input is refused with the field named and
// nothing written.
func TestPartTwoRefusals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		p := newPartTwo(t, dbh)
		p.build()
		ctx := context.Background()
		s := p.s
		conf := func(name string) int64 {
			var id int64
			p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT id FROM joint_conference WHERE name = ?", name).Scan(&id))
			return id
		}
		hedong, ended := conf("河东街道社区党建工作联席会议"), conf("迎宾社区治安联席会议")
		ids := p.actionIDs()
		parties := p.partyIDs(1)
		count := func() int {
			var n int
			p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT (SELECT COUNT(*) FROM conference_session) + (SELECT COUNT(*) FROM agreed_action) + (SELECT COUNT(*) FROM action_update) + (SELECT COUNT(*) FROM conference_member)").Scan(&n))
			return n
		}
		before := count()
		for _, tc := range []struct {
			name, key, field string
			do               func() error
		}{
			{"a session before its conference", "err.session_before_conference", "held_on", func() error {
				_, err := s.RecordSession(ctx, coordination.SessionInput{ConferenceID: hedong, HeldOn: d("2019-12-31"), Topic: "早"})
				return err
			}},
			{"an ended conference takes no session", "err.conference_ended", "held_on", func() error {
				_, err := s.RecordSession(ctx, coordination.SessionInput{ConferenceID: ended, HeldOn: d("2024-02-01"), Topic: "晚"})
				return err
			}},
			{"a unit present that is no member", "err.session_unit_not_member", "units_present", func() error {
				_, err := s.RecordSession(ctx, coordination.SessionInput{ConferenceID: hedong, HeldOn: d("2024-10-01"), Topic: "缺席",
					UnitsPresent: []int64{p.units["U4 供电所"]}})
				return err
			}},
			{"an action due before it was agreed (nothing of the session kept)", "err.action_due_before_agreed", "actions[1].due_on", func() error {
				_, err := s.RecordSession(ctx, coordination.SessionInput{ConferenceID: hedong, HeldOn: d("2024-10-01"), Topic: "期限",
					Actions: []coordination.ActionInput{{Title: "好", OwnerName: "科", DueOn: d("2024-11-01")}, {Title: "坏", OwnerName: "科", DueOn: d("2024-09-30")}}})
				return err
			}},
			{"a tag that is not one of the four kinds", "err.session_tag_invalid", "tags", func() error {
				_, err := s.RecordSession(ctx, coordination.SessionInput{ConferenceID: hedong, HeldOn: d("2024-10-01"), Topic: "标签", Tags: []string{"fun"}})
				return err
			}},
			{"a member unit not stationed in the area", "err.conference_unit_not_stationed", "unit_id", func() error {
				_, err := s.AddMember(ctx, coordination.MemberInput{ConferenceID: hedong, UnitID: p.units["U4 供电所"], Role: coordination.Member, On: d("2024-01-01")})
				return err
			}},
			{"progress above 100", "err.action_progress_range", "progress", func() error {
				return s.UpdateAction(ctx, coordination.UpdateInput{ActionID: ids["a4"], On: d("2024-10-01"), Progress: 120})
			}},
			{"progress going backwards without a note", "err.action_progress_backwards", "note", func() error {
				p.ok(s.UpdateAction(ctx, coordination.UpdateInput{ActionID: ids["a4"], On: d("2024-10-01"), Progress: 60}))
				return s.UpdateAction(ctx, coordination.UpdateInput{ActionID: ids["a4"], On: d("2024-10-02"), Progress: 40})
			}},
			{"a done action without a done date", "err.date_required", "on", func() error {
				return s.UpdateAction(ctx, coordination.UpdateInput{ActionID: ids["a4"], Status: coordination.Done})
			}},
			{"a closed action takes no update", "err.action_closed", "status", func() error {
				return s.UpdateAction(ctx, coordination.UpdateInput{ActionID: ids["a1"], On: d("2024-10-01"), Progress: 100})
			}},
			{"a score outside 1-5", "err.whistle_score_range", "score", func() error { return s.Score(ctx, parties[0], 6) }},
			{"a report-in before the whistle", "err.report_before_whistle", "reported_at", func() error {
				return s.ReportIn(ctx, p.partyIDs(2)[0], at("2024-10-10 13:00"))
			}},
			{"a second report-in", "err.report_twice", "reported_at", func() error { return s.ReportIn(ctx, parties[0], at("2024-07-05 10:00")) }},
			{"a conference whose convener is no area's", "err.conference_convener_unknown", "org_id", func() error {
				_, err := s.CreateConference(ctx, coordination.ConferenceInput{Name: "无", Kind: coordination.OtherKind, OrgID: 99999, On: d("2024-01-01")})
				return err
			}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				err := tc.do()
				var ie *i18n.Error
				if !errors.As(err, &ie) || ie.Key != tc.key || ie.Field != tc.field {
					t.Errorf("got %v (%+v), want %s on %s", err, ie, tc.key, tc.field)
				}
			})
		}
		if after := count(); after != before+1 { // the one good update of a4
			t.Errorf("%d rows written by refused writes", after-before-1)
		}
		// A sub-action moves its parent: the mean of its parts.
		p.ok(s.UpdateAction(ctx, coordination.UpdateInput{ActionID: ids["a3 的一部分"], On: d("2024-05-01"), Progress: 50}))
		var progress int
		p.ok(dbh.Reader().QueryRowContext(ctx, "SELECT progress FROM agreed_action WHERE id = ?", ids["a3"]).Scan(&progress))
		if progress != 50 {
			t.Errorf("a3 at %d%%, want 50 (its one part's)", progress)
		}
	})
}
