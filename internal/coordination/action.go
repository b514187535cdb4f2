package coordination

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// ActionStatus is where an agreed action stands.
type ActionStatus string

const (
	Open       ActionStatus = "open"
	InProgress ActionStatus = "in_progress"
	Done       ActionStatus = "done"
	Dropped    ActionStatus = "dropped"
)

// actionRow is an action to insert with where it comes from.
type actionRow struct {
	sessionID, whistleID, parentID, areaID int64
	agreedOn                               date.Date
	in                                     ActionInput
}

// insertAction checks and stores an action agreed on r.agreedOn.
func (s *Store) insertAction(ctx context.Context, q db.Q, r actionRow) (int64, error) {
	title, err := text("title", r.in.Title, 200, true)
	if err != nil {
		return 0, err
	}
	owner, err := text("owner_name", r.in.OwnerName, 100, false)
	if err != nil {
		return 0, err
	}
	if r.in.OwnerUnitID == 0 && owner == "" {
		return 0, i18n.Errf("owner_name", "err.action_owner_required")
	}
	if r.in.DueOn.IsZero() {
		return 0, i18n.Errf("due_on", "err.date_required")
	}
	if r.in.DueOn.Before(r.agreedOn) {
		return 0, i18n.Errf("due_on", "err.action_due_before_agreed", r.agreedOn.String())
	}
	if r.in.OwnerUnitID != 0 {
		var n int
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM unit WHERE id = ?", r.in.OwnerUnitID).Scan(&n); err != nil {
			return 0, err
		}
		if n == 0 {
			return 0, &i18n.Error{Field: "owner_unit_id", Key: "err.action_owner_unknown", Args: []any{r.in.OwnerUnitID}, Err: fault.BadReference}
		}
	}
	var id int64
	err = q.QueryRowContext(ctx, `INSERT INTO agreed_action (session_id, whistle_id, parent_id, area_id, title, owner_unit_id, owner_name, agreed_on, due_on, status)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open') RETURNING id`,
		nullID(r.sessionID), nullID(r.whistleID), nullID(r.parentID), r.areaID, title, nullID(r.in.OwnerUnitID), owner, r.agreedOn, r.in.DueOn).Scan(&id)
	return id, err
}

// Action is an agreed action as stored.
type Action struct {
	ID          int64        `json:"id"`
	ParentID    int64        `json:"parent_id,omitempty"`
	AreaID      int64        `json:"area_id"`
	Title       string       `json:"title"`
	OwnerUnitID int64        `json:"owner_unit_id,omitempty"`
	OwnerName   string       `json:"owner_name,omitempty"`
	AgreedOn    date.Date    `json:"agreed_on"`
	DueOn       date.Date    `json:"due_on"`
	Status      ActionStatus `json:"status"`
	Progress    int          `json:"progress"`
	ClosedOn    date.Date    `json:"closed_on,omitzero"`
	Result      string       `json:"result,omitempty"`
}

func (s *Store) loadAction(ctx context.Context, q db.Q, id int64) (Action, error) {
	var a Action
	err := q.QueryRowContext(ctx, `SELECT id, COALESCE(parent_id, 0), area_id, title, COALESCE(owner_unit_id, 0), owner_name, agreed_on, due_on, status, progress, closed_on, result
FROM agreed_action WHERE id = ?`, id).Scan(&a.ID, &a.ParentID, &a.AreaID, &a.Title, &a.OwnerUnitID, &a.OwnerName, &a.AgreedOn, &a.DueOn, &a.Status, &a.Progress, &a.ClosedOn, &a.Result)
	if db.IsNotFound(err) {
		return a, notFound("action_id", "err.action_unknown", id)
	}
	if err != nil {
		return a, err
	}
	return a, s.inScope(ctx, "action_id", a.AreaID)
}

// UpdateInput is a dated progress entry of an action: its progress (0–100,
// never lower than before without a note), a new status, and for a done
// action its result.
type UpdateInput struct {
	ActionID int64        `json:"action_id"`
	On       date.Date    `json:"on"`
	Progress int          `json:"progress"`
	Status   ActionStatus `json:"status"`
	Note     string       `json:"note"`
	Result   string       `json:"result"`
}

// UpdateAction adds an entry to an action's timeline and moves it; a done
// action is at 100 %, and a parent's progress follows the mean of its
// sub-actions'.
func (s *Store) UpdateAction(ctx context.Context, in UpdateInput) error {
	return s.updateAction(ctx, in, 0)
}

// updateAction is UpdateAction; with unitID it refuses an action that unit
// does not own (UpdateUnitAction).
func (s *Store) updateAction(ctx context.Context, in UpdateInput, unitID int64) error {
	in, err := s.checkUpdate(in)
	if err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(q db.Q) error { return s.applyUpdate(ctx, q, in, unitID) })
}

// checkUpdate checks what an update says by itself and fills in its
// defaults: in progress when no status is given, 100 % when done.
func (s *Store) checkUpdate(in UpdateInput) (UpdateInput, error) {
	if err := s.checkDate("on", in.On); err != nil {
		return in, err
	}
	if in.Progress < 0 || in.Progress > 100 {
		return in, i18n.Errf("progress", "err.action_progress_range")
	}
	switch in.Status {
	case "":
		in.Status = InProgress
	case Open, InProgress, Done, Dropped:
	default:
		return in, i18n.Errf("status", "err.action_status_invalid")
	}
	if in.Status == Done {
		in.Progress = 100
	}
	var err error
	if in.Note, err = text("note", in.Note, 500, false); err != nil {
		return in, err
	}
	if in.Result, err = text("result", in.Result, 1000, false); err != nil {
		return in, err
	}
	return in, nil
}

// applyUpdate writes an update checked by checkUpdate inside transaction q with its audit
// entry; with unitID it refuses an action that unit does not own. Every
// refusal comes before the first write, so that a refused update leaves q
// as it was (the sheet import goes on with the next row).
func (s *Store) applyUpdate(ctx context.Context, q db.Q, in UpdateInput, unitID int64) error {
	note, result := in.Note, in.Result
	a, err := s.loadAction(ctx, q, in.ActionID)
	if err != nil {
		return err
	}
	if err := checkOwner(a, unitID); err != nil {
		return err
	}
	switch {
	case a.Status == Done || a.Status == Dropped:
		return &i18n.Error{Field: "status", Key: "err.action_closed", Args: []any{a.ClosedOn.String()}, Err: fault.Conflict}
	case in.On.Before(a.AgreedOn):
		return i18n.Errf("on", "err.action_update_before_agreed", a.AgreedOn.String())
	case in.Progress < a.Progress && note == "":
		return i18n.Errf("note", "err.action_progress_backwards", a.Progress)
	}
	var last date.Date
	if err := q.QueryRowContext(ctx, "SELECT COALESCE(MAX(on_date), ?) FROM action_update WHERE action_id = ?", a.AgreedOn, a.ID).Scan(&last); err != nil {
		return err
	}
	if in.On.Before(last) {
		return i18n.Errf("on", "err.action_update_before_last", last.String())
	}
	closed := date.Date{}
	if in.Status == Done || in.Status == Dropped {
		closed = in.On
	}
	if _, err := q.ExecContext(ctx, "INSERT INTO action_update (action_id, on_date, progress, status, note) VALUES (?, ?, ?, ?, ?)",
		a.ID, in.On, in.Progress, in.Status, note); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctx, "UPDATE agreed_action SET progress = ?, status = ?, closed_on = ?, result = CASE WHEN ? = '' THEN result ELSE ? END WHERE id = ?",
		in.Progress, in.Status, db.Null(closed), result, result, a.ID); err != nil {
		return err
	}
	if a.ParentID != 0 {
		if err := rollUp(ctx, q, a.ParentID); err != nil {
			return err
		}
	}
	return record(ctx, q, "action.update", "agreed_action", a.ID, in)
}

// rollUp sets a parent's progress to the mean of its sub-actions'
// (dropped ones aside), and its parent's in turn.
func rollUp(ctx context.Context, q db.Q, parentID int64) error {
	for parentID != 0 {
		if _, err := q.ExecContext(ctx, `UPDATE agreed_action SET progress = COALESCE((SELECT CAST(ROUND(AVG(progress)) AS INTEGER)
FROM agreed_action c WHERE c.parent_id = ?1 AND c.status <> 'dropped'), progress) WHERE id = ?1`, parentID); err != nil {
			return err
		}
		if err := q.QueryRowContext(ctx, "SELECT COALESCE(parent_id, 0) FROM agreed_action WHERE id = ?", parentID).Scan(&parentID); err != nil {
			return err
		}
	}
	return nil
}

// SubActionInput breaks an action down: the part's title, owner and due
// date (not after the parent's).
type SubActionInput struct {
	ParentID int64       `json:"parent_id"`
	Action   ActionInput `json:"action"`
	On       date.Date   `json:"on"`
}

// AddSubAction adds a part to an open action.
func (s *Store) AddSubAction(ctx context.Context, in SubActionInput) (int64, error) {
	if err := s.checkDate("on", in.On); err != nil {
		return 0, err
	}
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		p, err := s.loadAction(ctx, q, in.ParentID)
		if err != nil {
			return err
		}
		if p.Status == Done || p.Status == Dropped {
			return &i18n.Error{Field: "parent_id", Key: "err.action_closed", Args: []any{p.ClosedOn.String()}, Err: fault.Conflict}
		}
		if in.On.Before(p.AgreedOn) {
			return i18n.Errf("on", "err.action_update_before_agreed", p.AgreedOn.String())
		}
		if !in.Action.DueOn.IsZero() && in.Action.DueOn.After(p.DueOn) {
			return i18n.Errf("due_on", "err.sub_action_due_after_parent", p.DueOn.String())
		}
		if id, err = s.insertAction(ctx, q, actionRow{parentID: p.ID, areaID: p.AreaID, agreedOn: in.On, in: in.Action}); err != nil {
			return err
		}
		if err := rollUp(ctx, q, p.ID); err != nil {
			return err
		}
		return record(ctx, q, "action.split", "agreed_action", p.ID, in)
	})
	return id, err
}
