package audit_test

import (
	"context"
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/pii"
)

// A trail that holds plain numbers (as term.elect wrote them before they
// were masked) is masked and re-sealed in one audited operation: it
// verifies after, anchors before the first changed entry still hold, and a
// second run changes nothing.
func TestRedactMasksAndReseals(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		write := func(e audit.Entry) {
			t.Helper()
			if err := audit.Write(ctx, d, e); err != nil {
				t.Fatal(err)
			}
		}
		write(audit.Entry{Action: "auth.signin"})
		first, err := audit.Verify(ctx, d.Reader())
		if err != nil || !first.OK {
			t.Fatalf("verify: %+v %v", first, err)
		}
		write(audit.Entry{Action: "term.elect", After: map[string]any{"posts": []any{map[string]any{
			"new_person": map[string]string{"name": "测试人", "id_number": "110105199001011234", "phone": "13912345678"}}}}})
		write(audit.Entry{Action: "area.rename", Detail: "no numbers here"})
		write(audit.Entry{Action: "post.appoint", Before: map[string]string{"id_number": "11010519900101123X"}})

		red, err := audit.Redact(ctx, d, pii.MaskPlainInJSON)
		if err != nil {
			t.Fatal(err)
		}
		if red.Masked != 2 || red.FromSeq != 2 || red.Resealed != 3 || !strings.HasPrefix(red.OldHead, "4:") || !strings.HasPrefix(red.NewHead, "5:") {
			t.Errorf("redaction %+v", red)
		}
		res, err := audit.Verify(ctx, d.Reader())
		if err != nil || !res.OK || res.Entries != 5 {
			t.Fatalf("after redaction: %+v %v", res, err)
		}
		if err := audit.CheckAnchor(ctx, d.Reader(), first.LastSeq, first.LastHash); err != nil {
			t.Errorf("an anchor before the first change no longer holds: %v", err)
		}
		recs, _, err := audit.Query(ctx, d.Reader(), audit.Filter{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			for _, s := range []string{r.Before, r.After, r.Detail} {
				if m := audit.FindPlainNumber(s); m != "" {
					t.Errorf("entry %d still holds %s", r.Seq, m)
				}
			}
		}
		if recs[0].Action != "audit.redact" || !strings.Contains(recs[0].Detail, "masked 2 entries") || !strings.Contains(recs[0].Detail, red.OldHead) {
			t.Errorf("the redaction's own entry: %+v", recs[0])
		}
		if !strings.Contains(recs[3].After, `"id_number":"110105********1234"`) || !strings.Contains(recs[3].After, `"phone":"139****5678"`) {
			t.Errorf("term.elect after redaction: %s", recs[3].After)
		}
		// The guard is back: an entry cannot be changed.
		if _, err := d.Writer().ExecContext(ctx, "UPDATE audit_entry SET action = 'x' WHERE seq = 1"); err == nil {
			t.Error("the append-only guard was not restored")
		}
		again, err := audit.Redact(ctx, d, pii.MaskPlainInJSON)
		if err != nil || again.Masked != 0 || again.FromSeq != 0 || again.NewHead != red.NewHead {
			t.Errorf("second redaction: %+v %v", again, err)
		}
	})
}

// A trail that does not verify is not redacted: re-sealing it would hide
// the tampering.
func TestRedactRefusesABrokenTrail(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		for _, a := range []string{"auth.signin", "area.rename"} {
			if err := audit.Write(ctx, d, audit.Entry{Action: a}); err != nil {
				t.Fatal(err)
			}
		}
		drop := "DROP TRIGGER audit_entry_no_update"
		if d.Dialect == db.Postgres {
			drop += " ON audit_entry"
		}
		for _, s := range []string{drop, "UPDATE audit_entry SET action = 'area.create' WHERE seq = 2"} {
			if _, err := d.Writer().ExecContext(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		_, err := audit.Redact(ctx, d, pii.MaskPlainInJSON)
		if err == nil || !strings.Contains(err.Error(), "does not verify (entry 2") {
			t.Errorf("redact of a broken trail: %v", err)
		}
	})
}
