package audit

import (
	"database/sql"
	"fmt"
	"time"
)

// Record is one stored entry of the trail.
type Record struct {
	Seq        int64
	At         time.Time // millisecond precision
	Actor      Actor
	Action     string
	TargetType string
	TargetID   string
	Outcome    string
	Before     string // JSON text, "" when none
	After      string // JSON text, "" when none
	Detail     string
	PrevHash   string // hex SHA-256 of the previous entry, GenesisHash for the first
	Hash       string // hex SHA-256 of this entry (see hashRecord)
}

// columns lists the audit_entry columns in the order of values and scan.
const columns = "seq, at_ms, account_id, username, role, ip, request_id, via, action, target_type, target_id, outcome, before_json, after_json, detail, prev_hash, hash"

func (r *Record) values() []any {
	return []any{r.Seq, r.At.UnixMilli(), r.Actor.AccountID, r.Actor.Username, r.Actor.Role, r.Actor.IP,
		r.Actor.RequestID, r.Actor.Via, r.Action, r.TargetType, r.TargetID, r.Outcome,
		r.Before, r.After, r.Detail, r.PrevHash, r.Hash}
}

// scan reads one row selected with columns into r.
func (r *Record) scan(rows *sql.Rows) error {
	var atMS int64
	err := rows.Scan(&r.Seq, &atMS, &r.Actor.AccountID, &r.Actor.Username, &r.Actor.Role, &r.Actor.IP,
		&r.Actor.RequestID, &r.Actor.Via, &r.Action, &r.TargetType, &r.TargetID, &r.Outcome,
		&r.Before, &r.After, &r.Detail, &r.PrevHash, &r.Hash)
	if err != nil {
		return fmt.Errorf("audit: read entry: %w", err)
	}
	r.At = time.UnixMilli(atMS)
	return nil
}
