package coordination

import (
	"context"
	"strconv"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// stamp is how whistle times are stored: UTC RFC 3339, so that the text
// compares as time on both engines.
const stamp = "2006-01-02T15:04:05Z"

// PartyInput is a party a whistle summons: a unit or a named department,
// with the hours it has to report in.
type PartyInput struct {
	UnitID        int64  `json:"unit_id"`
	Department    string `json:"department"`
	DeadlineHours int    `json:"deadline_hours"`
}

// WhistleInput is an issue an area (a community or a subdistrict) raises.
type WhistleInput struct {
	AreaID   int64        `json:"area_id"`
	Subject  string       `json:"subject"`
	RaisedAt time.Time    `json:"raised_at"`
	Parties  []PartyInput `json:"parties"`
}

// RaiseWhistle records a whistle and its summoned parties.
func (s *Store) RaiseWhistle(ctx context.Context, in WhistleInput) (int64, error) {
	subject, err := text("subject", in.Subject, 200, true)
	if err != nil {
		return 0, err
	}
	if in.RaisedAt.IsZero() {
		return 0, i18n.Errf("raised_at", "err.date_required")
	}
	raisedOn := date.Of(in.RaisedAt)
	if err := s.checkDate("raised_at", raisedOn); err != nil {
		return 0, err
	}
	if len(in.Parties) == 0 {
		return 0, i18n.Errf("parties", "err.whistle_no_party")
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		a, err := s.Areas.Get(ctx, in.AreaID)
		if err != nil {
			return err
		}
		if a.Level != "community" && a.Level != "subdistrict" {
			return i18n.Errf("area_id", "err.whistle_area_level")
		}
		if err := q.QueryRowContext(ctx, "INSERT INTO whistle (area_id, subject, raised_at, raised_on) VALUES (?, ?, ?, ?) RETURNING id",
			a.ID, subject, in.RaisedAt.UTC().Format(stamp), raisedOn).Scan(&id); err != nil {
			return err
		}
		for i, p := range in.Parties {
			field := "parties[" + strconv.Itoa(i) + "]."
			dept, err := text(field+"department", p.Department, 100, false)
			if err != nil {
				return err
			}
			if p.UnitID == 0 && dept == "" {
				return i18n.Errf(field+"department", "err.whistle_party_required")
			}
			if p.DeadlineHours <= 0 || p.DeadlineHours > 24*30 {
				return i18n.Errf(field+"deadline_hours", "err.whistle_deadline_range")
			}
			deadline := in.RaisedAt.UTC().Add(time.Duration(p.DeadlineHours) * time.Hour).Format(stamp)
			if _, err := q.ExecContext(ctx, "INSERT INTO whistle_party (whistle_id, unit_id, department, deadline_hours, deadline_at) VALUES (?, ?, ?, ?, ?)",
				id, nullID(p.UnitID), dept, p.DeadlineHours, deadline); err != nil {
				return err
			}
		}
		return record(ctx, q, "whistle.raise", "whistle", id, in)
	})
	return id, err
}

// whistleOf reads the whistle of a summoned party, in the scope.
func (s *Store) whistleOf(ctx context.Context, q db.Q, partyID int64) (whistleID, areaID int64, raisedAt time.Time, err error) {
	var raised string
	err = q.QueryRowContext(ctx, "SELECT w.id, w.area_id, w.raised_at FROM whistle_party p JOIN whistle w ON w.id = p.whistle_id WHERE p.id = ?", partyID).
		Scan(&whistleID, &areaID, &raised)
	if db.IsNotFound(err) {
		return 0, 0, raisedAt, notFound("party_id", "err.whistle_party_unknown", partyID)
	}
	if err != nil {
		return 0, 0, raisedAt, err
	}
	raisedAt, err = time.Parse(stamp, raised)
	if err != nil {
		return 0, 0, raisedAt, err
	}
	return whistleID, areaID, raisedAt, s.inScope(ctx, "party_id", areaID)
}

// ReportIn records when a summoned party reported in (not before the
// whistle, not in the future, once).
func (s *Store) ReportIn(ctx context.Context, partyID int64, at time.Time) error {
	if at.IsZero() {
		return i18n.Errf("reported_at", "err.date_required")
	}
	if err := s.checkDate("reported_at", date.Of(at)); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		wid, _, raisedAt, err := s.whistleOf(ctx, q, partyID)
		if err != nil {
			return err
		}
		if at.Before(raisedAt) {
			return i18n.Errf("reported_at", "err.report_before_whistle", raisedAt.In(cst).Format("2006-01-02 15:04"))
		}
		res, err := q.ExecContext(ctx, "UPDATE whistle_party SET reported_at = ? WHERE id = ? AND reported_at IS NULL", at.UTC().Format(stamp), partyID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &i18n.Error{Field: "reported_at", Key: "err.report_twice", Err: fault.Conflict}
		}
		return record(ctx, q, "whistle.report_in", "whistle", wid, map[string]any{"party_id": partyID, "at": at.UTC().Format(stamp)})
	})
}

// Score records the raising area's score (1–5) of a summoned party.
func (s *Store) Score(ctx context.Context, partyID int64, score int) error {
	if score < 1 || score > 5 {
		return i18n.Errf("score", "err.whistle_score_range")
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		wid, _, _, err := s.whistleOf(ctx, q, partyID)
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, "UPDATE whistle_party SET score = ? WHERE id = ?", score, partyID); err != nil {
			return err
		}
		return record(ctx, q, "whistle.score", "whistle", wid, map[string]any{"party_id": partyID, "score": score})
	})
}

// ResolveWhistle closes a whistle on a date (not before it was raised).
func (s *Store) ResolveWhistle(ctx context.Context, whistleID int64, on date.Date) error {
	if err := s.checkDate("on", on); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error {
		var areaID int64
		var raisedOn, resolved date.Date
		err := q.QueryRowContext(ctx, "SELECT area_id, raised_on, resolved_on FROM whistle WHERE id = ?", whistleID).Scan(&areaID, &raisedOn, &resolved)
		if db.IsNotFound(err) {
			return notFound("whistle_id", "err.whistle_unknown", whistleID)
		}
		if err != nil {
			return err
		}
		if err := s.inScope(ctx, "whistle_id", areaID); err != nil {
			return err
		}
		switch {
		case !resolved.IsZero():
			return &i18n.Error{Field: "on", Key: "err.whistle_resolved", Args: []any{resolved.String()}, Err: fault.Conflict}
		case on.Before(raisedOn):
			return i18n.Errf("on", "err.whistle_resolved_before_raised", raisedOn.String())
		}
		if _, err := q.ExecContext(ctx, "UPDATE whistle SET resolved_on = ? WHERE id = ?", on, whistleID); err != nil {
			return err
		}
		return record(ctx, q, "whistle.resolve", "whistle", whistleID, map[string]any{"on": on})
	})
}

// WhistleAction turns a whistle into an action agreed on the day raised
// (or later), placed at the whistle's area.
func (s *Store) WhistleAction(ctx context.Context, whistleID int64, on date.Date, in ActionInput) (int64, error) {
	if err := s.checkDate("on", on); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		var areaID int64
		var raisedOn date.Date
		err := q.QueryRowContext(ctx, "SELECT area_id, raised_on FROM whistle WHERE id = ?", whistleID).Scan(&areaID, &raisedOn)
		if db.IsNotFound(err) {
			return notFound("whistle_id", "err.whistle_unknown", whistleID)
		}
		if err != nil {
			return err
		}
		if err := s.inScope(ctx, "whistle_id", areaID); err != nil {
			return err
		}
		if on.Before(raisedOn) {
			return i18n.Errf("on", "err.action_update_before_agreed", raisedOn.String())
		}
		if id, err = s.insertAction(ctx, q, actionRow{whistleID: whistleID, areaID: areaID, agreedOn: on, in: in}); err != nil {
			return err
		}
		return record(ctx, q, "whistle.action", "whistle", whistleID, in)
	})
	return id, err
}
