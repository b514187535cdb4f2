package pii_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/pii"
)

func TestRevealIsAPermissionAndAudited(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := audit.WithActor(context.Background(), audit.Actor{AccountID: 7, Username: "yingbin.wang", Via: "web"})
		k, err := pii.New([]byte("0123456789abcdef0123456789abcdeX"))
		if err != nil {
			t.Fatal(err)
		}
		f := pii.Field{Column: "person.id_number", TargetType: "person", TargetID: "42", Mask: pii.MaskIDNumber}
		stored, err := k.EncryptFor(f.Column, "11010519900101123X")
		if err != nil {
			t.Fatal(err)
		}
		if m, err := k.Masked(f, stored); err != nil || m != "110105********123X" {
			t.Errorf("masked = %q %v", m, err)
		}
		if _, err := k.Reveal(ctx, d, false, f, stored); !errors.Is(err, pii.ErrRevealDenied) {
			t.Errorf("reveal without permission: %v", err)
		}
		plain, err := k.Reveal(ctx, d, true, f, stored)
		if err != nil || plain != "11010519900101123X" {
			t.Errorf("reveal = %q %v", plain, err)
		}
		recs, n, err := audit.Query(ctx, d.Reader(), audit.Filter{Action: "pii.reveal"})
		if err != nil || n != 2 {
			t.Fatalf("audit entries = %d %v", n, err)
		}
		if recs[0].Outcome != audit.OutcomeOK || recs[1].Outcome != audit.OutcomeDenied || recs[0].Actor.Username != "yingbin.wang" || recs[0].TargetID != "42" {
			t.Errorf("audit entries = %+v", recs)
		}
		for _, r := range recs {
			if strings.Contains(r.Before+r.After+r.Detail, "1990") {
				t.Errorf("the audit trail holds the value: %+v", r)
			}
		}
	})
}
