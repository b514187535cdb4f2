package services

import (
	"context"
	"strconv"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// PetitionSteps are the steps of a case after its receipt, in order.
var PetitionSteps = []string{"dispatch", "accept", "reply", "resolve", "verify", "callback"}

// PetitionStep is what one step records: a time (dispatch, accept,
// reply) or a day (resolve, verify, callback), and the step's own fields.
type PetitionStep struct {
	At time.Time `json:"at"`
	On date.Date `json:"on"`
	// Department or UnitID: who a case is dispatched to.
	Department string `json:"department"`
	UnitID     int64  `json:"unit_id"`
	// Reply is the answer given to the resident.
	Reply string `json:"reply"`
	// Satisfaction is the resident's when called back.
	Satisfaction Satisfaction `json:"satisfaction"`
}

// Dispatch sends an unaccepted case to a named department or a stationed
// unit (again, to another, while nobody has accepted it).
func (s *PetitionStore) Dispatch(ctx context.Context, id int64, in PetitionStep) error {
	return s.DB.Tx(ctx, func(q db.Q) error { return s.dispatchQ(ctx, q, id, in) })
}

// dispatchQ is Dispatch on q, in the caller's transaction.
func (s *PetitionStore) dispatchQ(ctx context.Context, q db.Q, id int64, in PetitionStep) error {
	dept, err := petitionText("department", in.Department, 100, false)
	if err != nil {
		return err
	}
	switch {
	case dept == "" && in.UnitID == 0:
		return i18n.Errf("department", "err.petition_agency_required")
	case dept != "" && in.UnitID != 0:
		return i18n.Errf("department", "err.petition_agency_both")
	}
	return s.stepQ(ctx, q, id, "dispatch", "at", in, func(q db.Q, p Petition) error {
		if !p.AcceptedAt.IsZero() {
			return stepDone("at", "ui.petition.step.accept", PetitionTime(p.AcceptedAt))
		}
		if err := notBefore("at", in.At, p.ReceivedAt, "ui.petition.step.receive"); err != nil {
			return err
		}
		if in.UnitID != 0 {
			var n int
			if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM unit WHERE id = ?", in.UnitID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return &i18n.Error{Field: "unit_id", Key: "err.petition_unit_unknown", Args: []any{in.UnitID}, Err: fault.BadReference}
			}
		}
		_, err := q.ExecContext(ctx, "UPDATE petition_case SET department = ?, unit_id = ?, dispatched_at = ? WHERE id = ?", dept, db.Null(in.UnitID), stampOf(in.At), id)
		return err
	})
}

// Accept records that the department or unit took the case: the response
// the 24-hour clock measures.
func (s *PetitionStore) Accept(ctx context.Context, id int64, at time.Time) error {
	return s.DB.Tx(ctx, func(q db.Q) error { return s.acceptQ(ctx, q, id, at) })
}

// acceptQ is Accept on q, in the caller's transaction.
func (s *PetitionStore) acceptQ(ctx context.Context, q db.Q, id int64, at time.Time) error {
	return s.stepQ(ctx, q, id, "accept", "at", PetitionStep{At: at}, func(q db.Q, p Petition) error {
		switch {
		case p.DispatchedAt.IsZero():
			return stepMissing("at", "ui.petition.step.dispatch")
		case !p.AcceptedAt.IsZero():
			return stepDone("at", "ui.petition.step.accept", PetitionTime(p.AcceptedAt))
		}
		if err := notBefore("at", at, p.DispatchedAt, "ui.petition.step.dispatch"); err != nil {
			return err
		}
		_, err := q.ExecContext(ctx, "UPDATE petition_case SET accepted_at = ? WHERE id = ?", stampOf(at), id)
		return err
	})
}

// Reply records the answer given to the resident.
func (s *PetitionStore) Reply(ctx context.Context, id int64, at time.Time, reply string) error {
	return s.DB.Tx(ctx, func(q db.Q) error { return s.replyQ(ctx, q, id, at, reply) })
}

// replyQ is Reply on q, in the caller's transaction.
func (s *PetitionStore) replyQ(ctx context.Context, q db.Q, id int64, at time.Time, reply string) error {
	reply, err := petitionText("reply", reply, 2000, true)
	if err != nil {
		return err
	}
	return s.stepQ(ctx, q, id, "reply", "at", PetitionStep{At: at, Reply: reply}, func(q db.Q, p Petition) error {
		switch {
		case p.AcceptedAt.IsZero():
			return stepMissing("at", "ui.petition.step.accept")
		case !p.RepliedAt.IsZero():
			return stepDone("at", "ui.petition.step.reply", PetitionTime(p.RepliedAt))
		}
		if err := notBefore("at", at, p.AcceptedAt, "ui.petition.step.accept"); err != nil {
			return err
		}
		_, err := q.ExecContext(ctx, "UPDATE petition_case SET replied_at = ?, reply = ? WHERE id = ?", stampOf(at), reply, id)
		return err
	})
}

// Resolve records the day the case was resolved (办结): not before it was
// received, after the reply.
func (s *PetitionStore) Resolve(ctx context.Context, id int64, on date.Date) error {
	return s.DB.Tx(ctx, func(q db.Q) error { return s.resolveQ(ctx, q, id, on) })
}

// resolveQ is Resolve on q, in the caller's transaction.
func (s *PetitionStore) resolveQ(ctx context.Context, q db.Q, id int64, on date.Date) error {
	return s.stepQ(ctx, q, id, "resolve", "on", PetitionStep{On: on}, func(q db.Q, p Petition) error {
		switch {
		case on.Before(p.ReceivedOn):
			return i18n.Errf("on", "err.petition_resolved_before_received", p.ReceivedOn.String())
		case !p.ResolvedOn.IsZero():
			return stepDone("on", "ui.petition.step.resolve", p.ResolvedOn.String())
		case p.RepliedAt.IsZero():
			return stepMissing("on", "ui.petition.step.reply")
		case on.Before(dayOf(p.RepliedAt)):
			return stepBefore("on", "ui.petition.step.reply", PetitionTime(p.RepliedAt))
		}
		_, err := q.ExecContext(ctx, "UPDATE petition_case SET resolved_on = ? WHERE id = ?", on, id)
		return err
	})
}

// Verify records the day the resolution was checked (核查).
func (s *PetitionStore) Verify(ctx context.Context, id int64, on date.Date) error {
	return s.DB.Tx(ctx, func(q db.Q) error { return s.verifyQ(ctx, q, id, on) })
}

// verifyQ is Verify on q, in the caller's transaction.
func (s *PetitionStore) verifyQ(ctx context.Context, q db.Q, id int64, on date.Date) error {
	return s.stepQ(ctx, q, id, "verify", "on", PetitionStep{On: on}, func(q db.Q, p Petition) error {
		switch {
		case p.ResolvedOn.IsZero():
			return stepMissing("on", "ui.petition.step.resolve")
		case !p.VerifiedOn.IsZero():
			return stepDone("on", "ui.petition.step.verify", p.VerifiedOn.String())
		case on.Before(p.ResolvedOn):
			return stepBefore("on", "ui.petition.step.resolve", p.ResolvedOn.String())
		}
		_, err := q.ExecContext(ctx, "UPDATE petition_case SET verified_on = ? WHERE id = ?", on, id)
		return err
	})
}

// CallBack records the resident's satisfaction, asked on a day after the
// case was resolved; an unresolved case takes none.
func (s *PetitionStore) CallBack(ctx context.Context, id int64, on date.Date, sat Satisfaction) error {
	return s.DB.Tx(ctx, func(q db.Q) error { return s.callBackQ(ctx, q, id, on, sat) })
}

// callBackQ is CallBack on q, in the caller's transaction.
func (s *PetitionStore) callBackQ(ctx context.Context, q db.Q, id int64, on date.Date, sat Satisfaction) error {
	if !petitionOneOf(sat, Satisfactions) {
		return i18n.Errf("satisfaction", "err.petition_satisfaction_invalid")
	}
	return s.stepQ(ctx, q, id, "callback", "on", PetitionStep{On: on, Satisfaction: sat}, func(q db.Q, p Petition) error {
		switch {
		case p.ResolvedOn.IsZero():
			return &i18n.Error{Field: "satisfaction", Key: "err.petition_satisfaction_unresolved", Err: fault.Conflict}
		case !p.CalledBackOn.IsZero():
			return stepDone("on", "ui.petition.step.callback", p.CalledBackOn.String())
		case on.Before(p.ResolvedOn):
			return stepBefore("on", "ui.petition.step.resolve", p.ResolvedOn.String())
		}
		_, err := q.ExecContext(ctx, "UPDATE petition_case SET called_back_on = ?, satisfaction = ? WHERE id = ?", on, sat, id)
		return err
	})
}

// stepQ checks the step's time or day against the clocks, loads the case
// in the scope and applies the step on q (the caller's transaction) with
// its audit entry.
func (s *PetitionStore) stepQ(ctx context.Context, q db.Q, id int64, name, field string, in PetitionStep, apply func(q db.Q, p Petition) error) error {
	if field == "at" {
		if err := s.checkMoment("at", in.At); err != nil {
			return err
		}
	} else if err := s.checkDay("on", in.On); err != nil {
		return err
	}
	p, err := s.load(ctx, q, "case_id", id)
	if err != nil {
		return err
	}
	if err := apply(q, p); err != nil {
		return err
	}
	after := map[string]any{}
	if field == "at" {
		after["at"] = stampOf(in.At)
	} else {
		after["on"] = in.On
	}
	for k, v := range map[string]any{"department": in.Department, "unit_id": in.UnitID, "reply": in.Reply, "satisfaction": in.Satisfaction} {
		if v != "" && v != int64(0) && v != Satisfaction("") {
			after[k] = v
		}
	}
	return petitionAudit(ctx, q, "petition."+name, id, after)
}

// stepMissing refuses a step whose previous step has not happened.
func stepMissing(field, stepKey string) error {
	return &i18n.Error{Field: field, Key: "err.petition_step_missing", Args: []any{i18n.T(i18n.ZH, stepKey), i18n.T(i18n.EN, stepKey)}, Err: fault.Conflict}
}

// stepDone refuses a step that already happened.
func stepDone(field, stepKey, when string) error {
	return &i18n.Error{Field: field, Key: "err.petition_step_done", Args: []any{i18n.T(i18n.ZH, stepKey), i18n.T(i18n.EN, stepKey), when}, Err: fault.Conflict}
}

// notBefore refuses a step timed before the previous one.
func notBefore(field string, at, prev time.Time, stepKey string) error {
	if at.Before(prev) {
		return stepBefore(field, stepKey, PetitionTime(prev))
	}
	return nil
}

// stepBefore refuses a step dated before the step stepKey (at when).
func stepBefore(field, stepKey, when string) error {
	return i18n.Errf(field, "err.petition_step_before", i18n.T(i18n.ZH, stepKey), i18n.T(i18n.EN, stepKey), when)
}

func itoaPetition(n int) string { return strconv.Itoa(n) }
