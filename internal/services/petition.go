package services

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"dangjian/internal/access"
	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/input"
	"dangjian/internal/pii"
)

// Petitions (上访/诉求) are handled as work orders the way 接诉即办 does: a
// case is one matter an area (a community or a subdistrict) received; the
// residents' requests about it hang on it. A case is dispatched to a
// department or a stationed unit, accepted (the response clock: within 24
// hours), replied to, resolved, verified and called back for the
// resident's satisfaction, each step once, in order, in one transaction
// with its audit entry. Model and figures: shared/docs/domain.md, "Part
// four".

// PetitionChannel is how a request came in.
type PetitionChannel string

// PetitionChannels in the order a form offers them.
var PetitionChannels = []PetitionChannel{"hotline", "visit", "letter", "online", "other"}

// PetitionType is what a case asks for: 咨询, 求助, 投诉, 举报, 建议.
type PetitionType string

// PetitionTypes in the order a form offers them.
var PetitionTypes = []PetitionType{"consult", "help", "complaint", "report", "suggestion"}

// PetitionLimitDays is the time limit of each type in days from receipt:
// the case is due then, and overdue after.
var PetitionLimitDays = map[PetitionType]int{"consult": 1, "help": 3, "complaint": 7, "report": 15, "suggestion": 15}

// PetitionResponseHours is the response clock: a case accepted within it
// counts as responded in time (petitions.response_rate).
const PetitionResponseHours = 24

// Satisfaction is the resident's answer when called back.
type Satisfaction string

// Satisfactions, best first.
var Satisfactions = []Satisfaction{"satisfied", "basically", "unsatisfied"}

// PetitionRankMinCases is how many cases a department must have in the
// scope and period to be ranked: fewer would rank by chance.
const PetitionRankMinCases = 10

// petitionZone is the clock of the residents: a case's day is its day in
// China Standard Time.
var petitionZone = time.FixedZone("CST", 8*3600)

// petitionStamp is how petition times are stored: UTC RFC 3339, so that
// the text compares as time on both engines.
const petitionStamp = "2006-01-02T15:04:05Z"

// ColCallerPhone is the encrypted column of a caller's phone (the
// additional data of its ciphertext).
const ColCallerPhone = "petition_request.caller_phone"

// PetitionStore keeps the petitions. Every read and write is restricted to
// the caller's subtree (access.ScopeFrom, through area.Store) by the area
// that received the case.
type PetitionStore struct {
	DB    *db.DB
	Areas *area.Store
	Keys  *pii.Keyring
	// Today is the clock of dates: no fact is dated after it.
	Today func() date.Date
	// Now is the clock of times: the time left on open cases counts from
	// it, and no step is timed after it.
	Now func() time.Time
}

// NewPetitionStore returns the store over d; keys encrypt callers' phones.
func NewPetitionStore(d *db.DB, areas *area.Store, keys *pii.Keyring) *PetitionStore {
	return &PetitionStore{DB: d, Areas: areas, Keys: keys, Today: date.Today, Now: time.Now}
}

// scope is the subtree the caller is restricted to (0: the whole tree).
func (s *PetitionStore) scope(ctx context.Context) int64 {
	if s.Areas.Scope != 0 {
		return s.Areas.Scope
	}
	return access.ScopeFrom(ctx)
}

// inScope reads area id through the scoped area store, naming field in
// its refusal.
func (s *PetitionStore) inScope(ctx context.Context, field string, id int64) (area.Area, error) {
	a, err := s.Areas.Get(ctx, id)
	if e, ok := err.(*i18n.Error); ok {
		e.Field = field
	}
	return a, err
}

// now is the store's clock, to the second.
func (s *PetitionStore) now() time.Time { return s.Now().UTC().Truncate(time.Second) }

// checkMoment refuses a missing time or one after now.
func (s *PetitionStore) checkMoment(field string, at time.Time) error {
	if at.IsZero() {
		return i18n.Errf(field, "err.petition_time_required")
	}
	if at.After(s.now().Add(time.Minute)) {
		return i18n.Errf(field, "err.petition_time_future", PetitionTime(s.now()))
	}
	return nil
}

// checkDay refuses a missing date or one after today.
func (s *PetitionStore) checkDay(field string, on date.Date) error {
	return input.Date(field, on, s.Today())
}

// petitionText trims a free-text field and refuses one longer than max
// runes; required refuses an empty one.
func petitionText(field, v string, max int, required bool) (string, error) {
	if required {
		return input.Text(field, v, max, "err.petition_required")
	}
	return input.Text(field, v, max, "")
}

// petitionAudit appends the audit entry of a change inside its
// transaction.
func petitionAudit(ctx context.Context, q db.Q, action string, id int64, after any) error {
	if err := audit.Append(ctx, q, audit.Entry{Action: action, TargetType: "petition", TargetID: strconv.FormatInt(id, 10), After: after}); err != nil {
		return fmt.Errorf("services: audit %s: %w", action, err)
	}
	return nil
}

// petitionNotFound is the refusal of a case id that names nothing in the
// scope.
func petitionNotFound(field string, id int64) error {
	return &i18n.Error{Field: field, Key: "err.petition_unknown", Args: []any{id}, Err: fault.NotFound}
}

// PetitionTime shows a moment in China Standard Time, to the minute.
func PetitionTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(petitionZone).Format("2006-01-02 15:04")
}

// ParsePetitionTime reads a moment typed in China Standard Time
// ("2025-03-01 09:30" or "2025-03-01T09:30") or in RFC 3339; "" is the
// zero time.
func ParsePetitionTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, petitionZone); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, i18n.Errf(field, "err.petition_time_invalid", s)
}

// dayOf is the day of t in China Standard Time.
func dayOf(t time.Time) date.Date { return date.Of(t.In(petitionZone)) }

// stampOf is t as stored; NULL for the zero time.
func stampOf(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(petitionStamp)
}

// parseStamp reads a stored time ("" for none).
func parseStamp(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(petitionStamp, s)
}

func petitionOneOf[T comparable](v T, list []T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// NoonOf is a clock that stands at noon, China Standard Time, of the day
// today gives: the clock of the petitions where the day is fixed (tests),
// so that their times agree with their dates.
func NoonOf(today func() date.Date) func() time.Time {
	return func() time.Time {
		d := today()
		return time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, petitionZone)
	}
}
