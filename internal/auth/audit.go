package auth

import (
	"context"

	"dangjian/internal/audit"
	"dangjian/internal/db"
)

// record appends the audit entry of an account, session or token change in
// the change's own transaction: the change and its entry commit together.
// Entries never hold a password, a one-time password or a token secret.
func record(ctx context.Context, q db.Q, action, targetType, targetID, outcome string, after any) error {
	return audit.Append(ctx, q, audit.Entry{Action: action, TargetType: targetType, TargetID: targetID, Outcome: outcome, After: after})
}

// asActor makes the signed-in account the actor of ctx, keeping the
// address, request id and channel the caller put there.
func asActor(ctx context.Context, a Account) context.Context {
	act := audit.ActorFrom(ctx)
	act.AccountID, act.Username, act.Role = a.ID, a.Username, string(a.Role)
	return audit.WithActor(ctx, act)
}

// accountSummary is what the trail records of an account.
func accountSummary(a Account) map[string]any {
	return map[string]any{"username": a.Username, "role": a.Role, "area_id": a.AreaID, "can_reveal": a.CanReveal, "disabled": a.Disabled}
}
