package demo

import (
	"context"
	"fmt"

	"dangjian/internal/db"
	"dangjian/internal/pii"
	"dangjian/internal/services"
)

// write inserts the petitions' planned rows, the cases first; the callers'
// phones are encrypted with keys as the Store encrypts them.
func (c *petPlan) write(ctx context.Context, q db.Q, keys *pii.Keyring) error {
	if err := db.BulkInsert(ctx, q, "petition_case", []string{"id", "area_id", "title", "channel", "kind", "collective", "headcount", "received_at", "received_on",
		"respond_by", "due_at", "department", "dispatched_at", "accepted_at", "replied_at", "reply", "resolved_on", "verified_on", "called_back_on", "satisfaction", "note"}, len(c.cases),
		func(i int, dst []any) []any {
			x := &c.cases[i]
			collective := 0
			if x.collective {
				collective = 1
			}
			return append(dst, x.id, x.area, x.title, string(x.channel), string(x.kind), collective, x.headcount, stamp(x.received), dayOfCST(x.received),
				stamp(x.respondBy), stamp(x.due), x.department, stamp(x.dispatched), stamp(x.accepted), stamp(x.replied), x.reply,
				db.Null(x.resolved), db.Null(x.verified), db.Null(x.calledBack), db.Null(string(x.satisfaction)), "")
		}); err != nil {
		return err
	}
	var encErr error
	err := db.BulkInsert(ctx, q, "petition_request", []string{"id", "case_id", "received_at", "channel", "caller_name", "caller_phone_enc", "content"}, len(c.requests),
		func(i int, dst []any) []any {
			x := &c.requests[i]
			var phone any
			if keys != nil && x.phone != "" {
				enc, err := keys.EncryptFor(services.ColCallerPhone, x.phone)
				if err != nil && encErr == nil {
					encErr = err
				}
				phone = enc
			}
			return append(dst, x.id, x.petition, stamp(x.received), string(x.channel), x.caller, phone, x.content)
		})
	if err == nil && encErr != nil {
		err = fmt.Errorf("gen: petition phones: %w", encErr)
	}
	return err
}
