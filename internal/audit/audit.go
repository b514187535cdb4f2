// Package audit keeps the tamper-evident audit trail: who did what to which
// record, when, from where, and with what outcome.
//
// Entries are appended inside the caller's write transaction, so a change and
// its entry commit or roll back together. Each entry is numbered (seq 1, 2, 3…
// without gaps), carries the hash of the previous entry and its own SHA-256
// over a canonical encoding of its fields (see hash.go). The table refuses
// UPDATE, DELETE (and on PostgreSQL TRUNCATE) through triggers; Verify finds
// the first entry that was nonetheless changed, removed, inserted or moved by
// someone with direct database access.
package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"dangjian/internal/db"
)

// Outcomes of an audited action.
const (
	OutcomeOK     = "ok"
	OutcomeDenied = "denied"
	OutcomeFailed = "failed"
)

// LocalOperator is the username of the actor when the context names none:
// the operator running the command line on the server.
const LocalOperator = "local-operator"

// Actor is who performs an action: the signed-in account, or the local
// operator of the command line.
type Actor struct {
	AccountID int64
	Username  string
	Role      string
	IP        string
	RequestID string
	Via       string // "web", "api" or "cli"
}

type actorKey struct{}

// WithActor returns a context that carries a as the actor of audited actions.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor carried by ctx, or the local operator of the
// command line when there is none.
func ActorFrom(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok {
		return a
	}
	return Actor{Username: LocalOperator, Via: "cli"}
}

// Entry is what a caller records: the action, its target and outcome, and
// the state before and after. Before and After are marshalled to JSON; nil
// means none. The actor comes from the context (see WithActor).
type Entry struct {
	Action     string // dotted name, e.g. "area.merge", "auth.signin_failed"
	TargetType string // e.g. "area", "account", "token"
	TargetID   string
	Outcome    string // OutcomeOK (the default when empty), OutcomeDenied or OutcomeFailed
	Before     any
	After      any
	Detail     string
}

// Append records e with the actor of ctx as the next entry of the trail.
// q must be the caller's write transaction (from db.DB.Tx), so the entry
// commits or rolls back with the change it describes. On PostgreSQL it takes
// a transaction-scoped advisory lock that serialises every writer of the
// trail until the transaction ends; call it as the last statement of the
// transaction to keep that window short. Were it called outside a
// transaction, a racing writer would fail on the seq key rather than fork
// the chain.
func Append(ctx context.Context, q db.Q, e Entry) error {
	return appendAt(ctx, q, e, time.Now())
}

// Write records e in a transaction of its own, for events that change
// nothing else: sign-in, sign-out, denied access, exports.
func Write(ctx context.Context, d *db.DB, e Entry) error {
	return d.Tx(ctx, func(q db.Q) error { return Append(ctx, q, e) })
}

func appendAt(ctx context.Context, q db.Q, e Entry, now time.Time) error {
	r, err := newRecord(ActorFrom(ctx), e, now)
	if err != nil {
		return err
	}
	if err := db.LockWriters(ctx, q); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	r.PrevHash = GenesisHash
	err = q.QueryRowContext(ctx, "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1").Scan(&r.Seq, &r.PrevHash)
	if err != nil && !db.IsNotFound(err) {
		return fmt.Errorf("audit: last entry: %w", err)
	}
	r.Seq++
	r.Hash = hashRecord(&r)
	_, err = q.ExecContext(ctx, "INSERT INTO audit_entry ("+columns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.values()...)
	if err != nil {
		return fmt.Errorf("audit: append %s: %w", r.Action, err)
	}
	return nil
}

// newRecord checks e and turns it into a record without seq and hashes.
func newRecord(a Actor, e Entry, now time.Time) (Record, error) {
	if strings.TrimSpace(e.Action) == "" {
		return Record{}, fmt.Errorf("audit: entry without action")
	}
	outcome := e.Outcome
	if outcome == "" {
		outcome = OutcomeOK
	}
	if outcome != OutcomeOK && outcome != OutcomeDenied && outcome != OutcomeFailed {
		return Record{}, fmt.Errorf("audit: %s: unknown outcome %q", e.Action, e.Outcome)
	}
	before, err := marshal(e.Before)
	if err != nil {
		return Record{}, fmt.Errorf("audit: %s: before: %w", e.Action, err)
	}
	after, err := marshal(e.After)
	if err != nil {
		return Record{}, fmt.Errorf("audit: %s: after: %w", e.Action, err)
	}
	return Record{
		At: time.UnixMilli(now.UnixMilli()),
		Actor: Actor{
			AccountID: a.AccountID,
			Username:  clean(a.Username),
			Role:      clean(a.Role),
			IP:        clean(a.IP),
			RequestID: clean(a.RequestID),
			Via:       clean(a.Via),
		},
		Action:     clean(e.Action),
		TargetType: clean(e.TargetType),
		TargetID:   clean(e.TargetID),
		Outcome:    outcome,
		Before:     before,
		After:      after,
		Detail:     clean(e.Detail),
	}, nil
}

// marshal returns the JSON text of v, or "" for nil.
func marshal(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// clean makes s storable as the same text on both engines: valid UTF-8
// without NUL, which PostgreSQL refuses. Input such as a failed sign-in's
// username comes from strangers and must not make the entry fail.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}
