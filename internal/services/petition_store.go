package services

import (
	"context"
	"strings"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
	"dangjian/internal/pii"
)

// Petition is a stored case with where it stands.
type Petition struct {
	ID           int64           `json:"id"`
	AreaID       int64           `json:"area_id"`
	AreaName     string          `json:"area_name"`
	Title        string          `json:"title"`
	Channel      PetitionChannel `json:"channel"`
	Type         PetitionType    `json:"type"`
	Collective   bool            `json:"collective"`
	Headcount    int             `json:"headcount"`
	ReceivedAt   time.Time       `json:"received_at"`
	ReceivedOn   date.Date       `json:"received_on"`
	RespondBy    time.Time       `json:"respond_by"`
	DueAt        time.Time       `json:"due_at"`
	Department   string          `json:"department"`
	UnitID       int64           `json:"unit_id,omitempty"`
	UnitName     string          `json:"unit_name,omitempty"`
	DispatchedAt time.Time       `json:"dispatched_at,omitzero"`
	AcceptedAt   time.Time       `json:"accepted_at,omitzero"`
	RepliedAt    time.Time       `json:"replied_at,omitzero"`
	Reply        string          `json:"reply"`
	ResolvedOn   date.Date       `json:"resolved_on,omitzero"`
	VerifiedOn   date.Date       `json:"verified_on,omitzero"`
	CalledBackOn date.Date       `json:"called_back_on,omitzero"`
	Satisfaction Satisfaction    `json:"satisfaction,omitempty"`
	Note         string          `json:"note"`
	// Requests are the residents' requests about the case (Petition only).
	Requests []PetitionRequest `json:"requests,omitempty"`
}

// PetitionRequest is one resident's request about a case; the phone is
// masked.
type PetitionRequest struct {
	ID          int64           `json:"id"`
	ReceivedAt  time.Time       `json:"received_at"`
	Channel     PetitionChannel `json:"channel"`
	CallerName  string          `json:"caller_name"`
	CallerPhone string          `json:"caller_phone"`
	Content     string          `json:"content"`
}

// Open reports whether the case is not resolved yet.
func (p Petition) Open() bool { return p.ResolvedOn.IsZero() }

// Agency is who the case was sent to: the unit's name or the department.
func (p Petition) Agency() string {
	if p.UnitName != "" {
		return p.UnitName
	}
	return p.Department
}

// Left is the time left before the case is due at now (negative when it
// is overdue).
func (p Petition) Left(now time.Time) time.Duration { return p.DueAt.Sub(now) }

// Overdue reports whether an open case is past its time limit at now.
func (p Petition) Overdue(now time.Time) bool { return p.Open() && now.After(p.DueAt) }

// Late reports whether a resolved case was resolved after the day it was
// due.
func (p Petition) Late() bool { return !p.Open() && p.ResolvedOn.After(dayOf(p.DueAt)) }

// Stage is the last step the case went through.
func (p Petition) Stage() string {
	switch {
	case !p.CalledBackOn.IsZero():
		return "called_back"
	case !p.VerifiedOn.IsZero():
		return "verified"
	case !p.ResolvedOn.IsZero():
		return "resolved"
	case !p.RepliedAt.IsZero():
		return "replied"
	case !p.AcceptedAt.IsZero():
		return "accepted"
	case !p.DispatchedAt.IsZero():
		return "dispatched"
	}
	return "received"
}

// PetitionReceipt is a resident's request received: attached to the open
// case CaseID, or (CaseID 0) the first request of a new case received by
// AreaID with its title, type and headcount.
type PetitionReceipt struct {
	CaseID     int64        `json:"case_id"`
	AreaID     int64        `json:"area_id"`
	Title      string       `json:"title"`
	Type       PetitionType `json:"type"`
	Collective bool         `json:"collective"`
	Headcount  int          `json:"headcount"`
	Note       string       `json:"note"`

	ReceivedAt  time.Time       `json:"received_at"`
	Channel     PetitionChannel `json:"channel"`
	CallerName  string          `json:"caller_name"`
	CallerPhone string          `json:"caller_phone"`
	Content     string          `json:"content"`
}

// Receive records a request: a new case with it, or it attached to an
// open case, in one transaction with its audit entry (the phone masked).
// It returns the case's id.
func (s *PetitionStore) Receive(ctx context.Context, in PetitionReceipt) (int64, error) {
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) error {
		var err error
		id, err = s.receiveQ(ctx, q, in)
		return err
	})
	return id, err
}

// receiveQ is Receive on q, in the caller's transaction.
func (s *PetitionStore) receiveQ(ctx context.Context, q db.Q, in PetitionReceipt) (int64, error) {
	if in.CaseID == 0 {
		// An area outside the scope is refused before anything else.
		if in.AreaID == 0 {
			return 0, i18n.Errf("area_id", "err.petition_required")
		}
		if _, err := s.inScope(ctx, "area_id", in.AreaID); err != nil {
			return 0, err
		}
	}
	if err := s.checkMoment("received_at", in.ReceivedAt); err != nil {
		return 0, err
	}
	in.ReceivedAt = in.ReceivedAt.UTC().Truncate(time.Second)
	if !petitionOneOf(in.Channel, PetitionChannels) {
		return 0, i18n.Errf("channel", "err.petition_channel_invalid")
	}
	var err error
	if in.CallerName, err = petitionText("caller_name", in.CallerName, 50, false); err != nil {
		return 0, err
	}
	if in.CallerPhone, err = people.ParsePhone("caller_phone", in.CallerPhone); err != nil {
		return 0, err
	}
	if in.Content, err = petitionText("content", in.Content, 2000, false); err != nil {
		return 0, err
	}
	phoneEnc, err := s.Keys.EncryptFor(ColCallerPhone, in.CallerPhone)
	if err != nil {
		return 0, err
	}
	id := in.CaseID
	if id == 0 {
		if id, err = s.openCase(ctx, q, &in); err != nil {
			return id, err
		}
	} else {
		p, err := s.load(ctx, q, "case_id", id)
		if err != nil {
			return id, err
		}
		if !p.Open() {
			return id, &i18n.Error{Field: "case_id", Key: "err.petition_closed", Args: []any{p.Title, p.ResolvedOn.String()}, Err: fault.Conflict}
		}
		if in.ReceivedAt.Before(p.ReceivedAt) {
			return id, i18n.Errf("received_at", "err.petition_request_before_case", PetitionTime(p.ReceivedAt))
		}
	}
	var rid int64
	if err := q.QueryRowContext(ctx, "INSERT INTO petition_request (case_id, received_at, channel, caller_name, caller_phone_enc, content) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
		id, stampOf(in.ReceivedAt), in.Channel, in.CallerName, db.Null(phoneEnc), in.Content).Scan(&rid); err != nil {
		return id, err
	}
	return id, petitionAudit(ctx, q, "petition.receive", id, map[string]any{"request_id": rid, "new_case": in.CaseID == 0, "area_id": in.AreaID,
		"title": in.Title, "type": in.Type, "collective": in.Collective, "headcount": in.Headcount, "received_at": stampOf(in.ReceivedAt),
		"channel": in.Channel, "caller_name": in.CallerName, "caller_phone": pii.MaskPhone(in.CallerPhone)})
}

// openCase inserts the case of a first request.
func (s *PetitionStore) openCase(ctx context.Context, q db.Q, in *PetitionReceipt) (int64, error) {
	var err error
	if in.Title, err = petitionText("title", in.Title, 200, true); err != nil {
		return 0, err
	}
	if !petitionOneOf(in.Type, PetitionTypes) {
		return 0, i18n.Errf("type", "err.petition_type_invalid")
	}
	switch {
	case in.Collective && in.Headcount < 2:
		return 0, i18n.Errf("headcount", "err.petition_headcount_collective")
	case !in.Collective && in.Headcount > 1:
		return 0, i18n.Errf("collective", "err.petition_headcount_single")
	case !in.Collective:
		in.Headcount = 1
	}
	if in.Note, err = petitionText("note", in.Note, 500, false); err != nil {
		return 0, err
	}
	a, err := s.inScope(ctx, "area_id", in.AreaID)
	if err != nil {
		return 0, err
	}
	on := dayOf(in.ReceivedAt)
	if a.Level != area.Community && a.Level != area.Subdistrict {
		return 0, &i18n.Error{Field: "area_id", Key: "err.petition_area_level", Args: []any{a.Name}, Err: fault.BadReference}
	}
	if !a.ActiveOn(on) {
		return 0, i18n.Errf("area_id", "err.petition_area_inactive", a.Name, on.String())
	}
	respondBy := in.ReceivedAt.Add(PetitionResponseHours * time.Hour)
	due := in.ReceivedAt.AddDate(0, 0, PetitionLimitDays[in.Type])
	collective := 0
	if in.Collective {
		collective = 1
	}
	var id int64
	err = q.QueryRowContext(ctx, `INSERT INTO petition_case (area_id, title, channel, kind, collective, headcount, received_at, received_on, respond_by, due_at, note)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		a.ID, in.Title, in.Channel, in.Type, collective, in.Headcount, stampOf(in.ReceivedAt), on, stampOf(respondBy), stampOf(due), in.Note).Scan(&id)
	return id, err
}

const petitionCols = `p.id, p.area_id, a.name, p.title, p.channel, p.kind, p.collective, p.headcount, p.received_at, p.received_on, p.respond_by, p.due_at,
p.department, COALESCE(p.unit_id, 0), COALESCE(u.name, ''), COALESCE(p.dispatched_at, ''), COALESCE(p.accepted_at, ''), COALESCE(p.replied_at, ''), p.reply,
p.resolved_on, p.verified_on, p.called_back_on, COALESCE(p.satisfaction, ''), p.note`

const petitionFrom = " FROM petition_case p JOIN area a ON a.id = p.area_id LEFT JOIN unit u ON u.id = p.unit_id"

func scanPetition(row interface{ Scan(...any) error }) (Petition, error) {
	var p Petition
	var collective int
	var received, respond, due, dispatched, accepted, replied string
	err := row.Scan(&p.ID, &p.AreaID, &p.AreaName, &p.Title, &p.Channel, &p.Type, &collective, &p.Headcount, &received, &p.ReceivedOn, &respond, &due,
		&p.Department, &p.UnitID, &p.UnitName, &dispatched, &accepted, &replied, &p.Reply,
		&p.ResolvedOn, &p.VerifiedOn, &p.CalledBackOn, &p.Satisfaction, &p.Note)
	if err != nil {
		return p, err
	}
	p.Collective = collective == 1
	for _, x := range []struct {
		dst *time.Time
		src string
	}{{&p.ReceivedAt, received}, {&p.RespondBy, respond}, {&p.DueAt, due}, {&p.DispatchedAt, dispatched}, {&p.AcceptedAt, accepted}, {&p.RepliedAt, replied}} {
		if *x.dst, err = parseStamp(x.src); err != nil {
			return p, err
		}
	}
	return p, nil
}

// load reads case id, refusing one outside the scope.
func (s *PetitionStore) load(ctx context.Context, q db.Q, field string, id int64) (Petition, error) {
	p, err := scanPetition(q.QueryRowContext(ctx, "SELECT "+petitionCols+petitionFrom+" WHERE p.id = ?", id))
	if db.IsNotFound(err) {
		return p, petitionNotFound(field, id)
	}
	if err != nil {
		return p, err
	}
	if _, err := s.Areas.Get(ctx, p.AreaID); err != nil {
		return p, petitionNotFound(field, id)
	}
	return p, nil
}

// Petition returns case id in the scope with its requests, phones masked.
func (s *PetitionStore) Petition(ctx context.Context, id int64) (Petition, error) {
	q := s.DB.Reader()
	p, err := s.load(ctx, q, "case_id", id)
	if err != nil {
		return p, err
	}
	rows, err := q.QueryContext(ctx, "SELECT id, received_at, channel, caller_name, COALESCE(caller_phone_enc, ''), content FROM petition_request WHERE case_id = ? ORDER BY received_at, id", id)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	p.Requests = []PetitionRequest{}
	for rows.Next() {
		var r PetitionRequest
		var at, enc string
		if err := rows.Scan(&r.ID, &at, &r.Channel, &r.CallerName, &enc, &r.Content); err != nil {
			return p, err
		}
		if r.ReceivedAt, err = parseStamp(at); err != nil {
			return p, err
		}
		if r.CallerPhone, err = s.Keys.Masked(pii.Field{Column: ColCallerPhone, Mask: pii.MaskPhone}, enc); err != nil {
			return p, err
		}
		p.Requests = append(p.Requests, r)
	}
	return p, rows.Err()
}

// PetitionFilter chooses cases: under an area (the scope when 0), open or
// closed ("" for both), of a type ("" for any). After is the last case of
// the previous page.
type PetitionFilter struct {
	AreaID int64
	Status string
	Type   PetitionType
	After  *Petition
	Limit  int
}

// PetitionStatuses are the values of PetitionFilter.Status.
var PetitionStatuses = []string{"open", "closed"}

// ListPetitions lists the cases of the scope, open ones first by the time
// they are due (the most urgent on top), then the resolved ones, the
// latest first.
func (s *PetitionStore) ListPetitions(ctx context.Context, f PetitionFilter) ([]Petition, error) {
	root := s.scope(ctx)
	if f.AreaID != 0 {
		if _, err := s.inScope(ctx, "area", f.AreaID); err != nil {
			return nil, err
		}
		root = f.AreaID
	}
	if f.Status != "" && !petitionOneOf(f.Status, PetitionStatuses) {
		return nil, i18n.Errf("status", "err.petition_status_invalid")
	}
	if f.Type != "" && !petitionOneOf(f.Type, PetitionTypes) {
		return nil, i18n.Errf("type", "err.petition_type_invalid")
	}
	where, args := []string{"1 = 1"}, []any{}
	if root != 0 {
		where = append(where, "EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = p.area_id AND c.to_on IS NULL)")
		args = append(args, root)
	}
	switch f.Status {
	case "open":
		where = append(where, "p.resolved_on IS NULL")
	case "closed":
		where = append(where, "p.resolved_on IS NOT NULL")
	}
	if f.Type != "" {
		where, args = append(where, "p.kind = ?"), append(args, f.Type)
	}
	const closedLast = "(CASE WHEN p.resolved_on IS NULL THEN 0 ELSE 1 END)"
	if f.After != nil {
		due := f.After.DueAt.UTC().Format(petitionStamp)
		if f.After.Open() {
			where = append(where, "("+closedLast+" = 1 OR (p.resolved_on IS NULL AND (p.due_at > ? OR (p.due_at = ? AND p.id > ?))))")
		} else {
			where = append(where, "(p.resolved_on IS NOT NULL AND (p.due_at < ? OR (p.due_at = ? AND p.id < ?)))")
		}
		args = append(args, due, due, f.After.ID)
	}
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	// Open cases by the time they are due, the soonest first; then the
	// resolved ones, the latest due first.
	rows, err := s.DB.Reader().QueryContext(ctx, "SELECT "+petitionCols+petitionFrom+" WHERE "+strings.Join(where, " AND ")+
		" ORDER BY "+closedLast+", CASE WHEN p.resolved_on IS NULL THEN p.due_at END, CASE WHEN p.resolved_on IS NULL THEN p.id END,"+
		" CASE WHEN p.resolved_on IS NOT NULL THEN p.due_at END DESC, CASE WHEN p.resolved_on IS NOT NULL THEN p.id END DESC LIMIT "+itoaPetition(limit), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Petition{}
	for rows.Next() {
		p, err := scanPetition(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Updated is when the case last moved: the latest of its steps' times,
// a step taken on a day counted from that day's start in China.
func (p Petition) Updated() time.Time {
	last := p.ReceivedAt
	for _, t := range []time.Time{p.DispatchedAt, p.AcceptedAt, p.RepliedAt} {
		if t.After(last) {
			last = t
		}
	}
	for _, d := range []date.Date{p.ResolvedOn, p.VerifiedOn, p.CalledBackOn} {
		if d.IsZero() {
			continue
		}
		if t := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, petitionZone); t.After(last) {
			last = t
		}
	}
	return last
}
