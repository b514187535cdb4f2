package people_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/people"
)

func TestPersonValidation(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		base := person("王测试", "1970-05-06", 1)
		cases := []struct {
			name  string
			edit  func(*people.PersonInput)
			key   string
			field string
		}{
			{"no name", func(p *people.PersonInput) { p.Name = " " }, "err.name_required", "name"},
			{"long name", func(p *people.PersonInput) { p.Name = strings.Repeat("王", 41) }, "err.text_too_long", "name"},
			{"gender", func(p *people.PersonInput) { p.Gender = "x" }, "err.gender_invalid", "gender"},
			{"education", func(p *people.PersonInput) { p.Education = "phd" }, "err.education_invalid", "education"},
			{"id length", func(p *people.PersonInput) { p.IDNumber = "1101051970" }, "err.id_number_length", "id_number"},
			{"id region", func(p *people.PersonInput) { p.IDNumber = fakeIDIn("990105", "1970-05-06", 1) }, "err.id_number_region", "id_number"},
			{"id date", func(p *people.PersonInput) { p.IDNumber = "110105197013061234" }, "err.id_number_date", "id_number"},
			{"id check digit", func(p *people.PersonInput) {
				id := fakeID("1970-05-06", 1)
				c := byte('0')
				if id[17] == '0' {
					c = '1'
				}
				p.IDNumber = id[:17] + string(c)
			}, "err.id_number_check", "id_number"},
			{"id 15-digit bad date", func(p *people.PersonInput) { p.IDNumber = "110105700231123" }, "err.id_number_date", "id_number"},
			{"birth disagrees", func(p *people.PersonInput) { p.BirthDate = d("1970-05-07") }, "err.birth_date_mismatch", "birth_date"},
			{"no birth date", func(p *people.PersonInput) { p.IDNumber = "" }, "err.birth_date_required", "birth_date"},
			{"birth in the future", func(p *people.PersonInput) { p.IDNumber, p.BirthDate = "", d("2026-01-01") }, "err.date_future", "birth_date"},
			{"phone", func(p *people.PersonInput) { p.Phone = "12345" }, "err.phone_invalid", "phone"},
		}
		for _, c := range cases {
			in := base
			c.edit(&in)
			_, err := w.s.Create(ctx, in)
			wantKey(t, err, c.key, c.field)
		}
		// A valid 15-digit number is stored as 18 and found by either form.
		legacy := base
		legacy.IDNumber = "110105700506123"
		id, err := w.s.Create(ctx, legacy)
		if err != nil {
			t.Fatal(err)
		}
		for _, form := range []string{"110105700506123", fakeID("1970-05-06", 123)} {
			p, err := w.s.FindByIDNumber(ctx, form)
			if err != nil || p.ID != id {
				t.Fatalf("FindByIDNumber(%s) = %+v, %v", form, p, err)
			}
			if p.IDNumber != "110105********1237"[:14]+fakeID("1970-05-06", 123)[14:] {
				t.Errorf("masked = %s", p.IDNumber)
			}
			if p.BirthDate != d("1970-05-06") {
				t.Errorf("birth date from the ID = %s", p.BirthDate)
			}
		}
		// The same number again (in its other form) is a duplicate.
		dup := base
		dup.IDNumber = fakeID("1970-05-06", 123)
		_, err = w.s.Create(ctx, dup)
		wantKey(t, err, "err.id_number_taken", "id_number")
		if !errors.Is(err, db.ErrConflict) {
			t.Errorf("duplicate is not a conflict: %v", err)
		}
		_, err = w.s.FindByIDNumber(ctx, fakeID("1970-05-06", 124))
		wantKey(t, err, "err.person_id_number_unknown", "id_number")
		// Nothing refused was written.
		var n int
		if err := dbh.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM person").Scan(&n); err != nil || n != 1 {
			t.Errorf("%d people stored, want 1 (%v)", n, err)
		}
	})
}

func TestPersonStoredEncryptedAndAuditedMasked(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		in := person("李测试", "1980-01-02", 77)
		pid, _ := w.enrol(t, ctx, "李测试", "a1.org", "2020-01-01", 77)
		idNumber, phone := in.IDNumber, "13900000077"
		var enc, hash, penc string
		if err := dbh.Reader().QueryRowContext(ctx, "SELECT id_number_enc, id_number_hash, phone_enc FROM person WHERE id = ?", pid).Scan(&enc, &hash, &penc); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(enc, "v1:") || !strings.HasPrefix(penc, "v1:") || len(hash) != 64 || strings.Contains(enc+penc+hash, idNumber[6:14]) {
			t.Errorf("stored %q %q %q", enc, hash, penc)
		}
		// Update, transfer and the audit trail: no entry holds the plain values.
		upd := person("李测试", "1970-05-06", 77)
		upd.Phone = "010-62345678"
		if err := w.s.Update(ctx, pid, upd); err != nil {
			t.Fatal(err)
		}
		recs, _, err := audit.Query(ctx, dbh.Reader(), audit.Filter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		actions := map[string]bool{}
		for _, r := range recs {
			actions[r.Action] = true
			all := r.Before + r.After + r.Detail
			for _, secret := range []string{fakeID("1970-05-06", 77), "13900000077", "62345678", idNumber, phone} {
				if strings.Contains(all, secret) {
					t.Errorf("%s entry holds %s: %s", r.Action, secret, all)
				}
			}
		}
		for _, a := range []string{"person.create", "membership.start", "person.update"} {
			if !actions[a] {
				t.Errorf("no %s entry in %v", a, actions)
			}
		}
		p, err := w.s.Get(ctx, pid)
		if err != nil || p.Phone != "010-****5678" {
			t.Errorf("Get = %+v, %v", p, err)
		}
		gotID, gotPhone, err := w.s.Reveal(ctx, pid, true)
		if err != nil || gotID != fakeID("1970-05-06", 77) || gotPhone != "010-62345678" {
			t.Errorf("Reveal = %s %s %v", gotID, gotPhone, err)
		}
		if _, _, err := w.s.Reveal(ctx, pid, false); err == nil {
			t.Error("reveal without permission allowed")
		}
	})
}
