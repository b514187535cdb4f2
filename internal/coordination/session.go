package coordination

import (
	"context"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// FourKinds are the tags of local work (四性工作).
var FourKinds = []string{"regional", "social", "mass", "public_welfare"}

// SessionInput is a meeting as it closes: what was discussed, who came and
// the actions agreed, recorded together.
type SessionInput struct {
	ConferenceID  int64         `json:"conference_id"`
	HeldOn        date.Date     `json:"held_on"`
	Topic         string        `json:"topic"`
	Tags          []string      `json:"tags"`
	UnitsPresent  []int64       `json:"units_present"`
	PeoplePresent int           `json:"people_present"`
	Minutes       string        `json:"minutes"`
	Actions       []ActionInput `json:"actions"`
}

// ActionInput is an action agreed: its owner is a stationed unit or a
// named department (a 房管所, a 街道城管科).
type ActionInput struct {
	Title       string    `json:"title"`
	OwnerUnitID int64     `json:"owner_unit_id"`
	OwnerName   string    `json:"owner_name"`
	DueOn       date.Date `json:"due_on"`
}

// RecordSession records a session of an active conference with the units
// present (members on that day) and its actions, in one transaction.
func (s *Store) RecordSession(ctx context.Context, in SessionInput) (int64, error) {
	topic, err := text("topic", in.Topic, 200, true)
	if err != nil {
		return 0, err
	}
	if err := s.checkDate("held_on", in.HeldOn); err != nil {
		return 0, err
	}
	tags, err := cleanTags(in.Tags)
	if err != nil {
		return 0, err
	}
	minutes, err := text("minutes", in.Minutes, 10000, false)
	if err != nil {
		return 0, err
	}
	if in.PeoplePresent < 0 {
		return 0, i18n.Errf("people_present", "err.coord_count_negative")
	}
	var id int64
	err = s.DB.Tx(ctx, func(q db.Q) error {
		c, err := s.loadConference(ctx, q, in.ConferenceID)
		if err != nil {
			return err
		}
		if !c.EndedOn.IsZero() && !in.HeldOn.Before(c.EndedOn) {
			return i18n.Errf("held_on", "err.conference_ended", c.Name, c.EndedOn.String())
		}
		if in.HeldOn.Before(c.EstablishedOn) {
			return i18n.Errf("held_on", "err.session_before_conference", c.EstablishedOn.String())
		}
		if err := q.QueryRowContext(ctx, `INSERT INTO conference_session (conference_id, held_on, topic, tags, people_present, minutes)
VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, c.ID, in.HeldOn, topic, tags, in.PeoplePresent, minutes).Scan(&id); err != nil {
			return err
		}
		for _, u := range in.UnitsPresent {
			var n int
			if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM conference_member WHERE conference_id = ? AND unit_id = ? AND from_on <= ? AND (to_on IS NULL OR ? < to_on)",
				c.ID, u, in.HeldOn, in.HeldOn).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return &i18n.Error{Field: "units_present", Key: "err.session_unit_not_member", Args: []any{u}, Err: fault.BadReference}
			}
			if _, err := q.ExecContext(ctx, "INSERT INTO session_unit (session_id, unit_id) VALUES (?, ?)", id, u); err != nil {
				return err
			}
		}
		for i, a := range in.Actions {
			if _, err := s.insertAction(ctx, q, actionRow{sessionID: id, areaID: c.AreaID, agreedOn: in.HeldOn, in: a}); err != nil {
				if e, ok := err.(*i18n.Error); ok {
					e.Field = "actions[" + strconv.Itoa(i) + "]." + e.Field
				}
				return err
			}
		}
		return record(ctx, q, "session.record", "joint_conference", c.ID, in)
	})
	return id, err
}

// cleanTags checks the four-kinds tags and joins them.
func cleanTags(tags []string) (string, error) {
	var out []string
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		ok := false
		for _, k := range FourKinds {
			ok = ok || k == t
		}
		if !ok {
			return "", i18n.Errf("tags", "err.session_tag_invalid", t)
		}
		out = append(out, t)
	}
	return strings.Join(out, ","), nil
}
