package web

import (
	"context"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestReviewAccountWriteNeedsItsAuditEntry: the account pages write first
// and record afterwards in a separate transaction whose failure is only
// logged (Server.audit). When the trail cannot be written the account is
// created anyway and the one-time password is shown: a write without its
// entry. (The area store writes the entry in the change's transaction.)
// The failure is simulated with a trigger, so this runs on SQLite only.
func TestReviewAccountWriteNeedsItsAuditEntry(t *testing.T) {
	d := dbtest.Open(t, db.SQLite)
	app := newTestApp(t, d)
	if _, err := d.Writer().ExecContext(context.Background(),
		`CREATE TRIGGER review_audit_down BEFORE INSERT ON audit_entry WHEN NEW.action LIKE 'account.%'
BEGIN SELECT RAISE(ABORT, 'audit trail unavailable'); END`); err != nil {
		t.Fatal(err)
	}
	c := newClient(app)
	c.run(t, scenario{name: "create while the trail is down", method: "POST", path: "/admin/users/new",
		form: form("username", "ghost", "role", string(auth.Auditor)), status: 500})
	if _, err := app.auth.ByUsername(context.Background(), "ghost"); err == nil {
		t.Errorf("the account was created although its audit entry could not be written")
	}
}
