package people_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
	"dangjian/internal/pii"
)

func d(s string) date.Date { return date.MustParse(s) }

// fakeID makes a fictional ID number with a valid check character: region
// 110105 unless given, the birth date, and a sequence number.
func fakeID(birth string, seq int) string {
	return fakeIDIn("110105", birth, seq)
}

func fakeIDIn(region, birth string, seq int) string {
	first17 := region + birth[0:4] + birth[5:7] + birth[8:10] + fmt.Sprintf("%03d", seq%1000)
	return first17 + string(people.CheckDigit(first17))
}

// world is a small district: 测试区 → 甲街道 (甲一, 甲二 communities) and
// 乙街道 (乙一), a branch in each community and a committee per subdistrict.
type world struct {
	db    *db.DB
	areas *area.Store
	s     *people.Store
	ids   map[string]int64
}

func newWorld(t *testing.T, dbh *db.DB) *world {
	t.Helper()
	ctx := context.Background()
	today := func() date.Date { return d("2025-06-30") }
	a := area.NewStore(dbh)
	a.Today = today
	key := make([]byte, pii.KeySize)
	for i := range key {
		key[i] = byte(i*13 + 5)
	}
	keys, err := pii.New(key)
	if err != nil {
		t.Fatal(err)
	}
	w := &world{db: dbh, areas: a, s: &people.Store{DB: dbh, Areas: a, Keys: keys, Today: today}, ids: map[string]int64{}}
	mk := func(key, parent, name string, level area.Level) {
		t.Helper()
		id, err := a.Create(ctx, area.CreateInput{ParentID: w.ids[parent], Level: level, Name: name, On: d("2015-01-01")})
		if err != nil {
			t.Fatal(err)
		}
		w.ids[key] = id
	}
	org := func(key, areaKey string, kind area.OrgKind, name, on string) {
		t.Helper()
		id, err := a.CreateOrg(ctx, area.OrgInput{AreaID: w.ids[areaKey], Kind: kind, Name: name, On: d(on)})
		if err != nil {
			t.Fatal(err)
		}
		w.ids[key] = id
	}
	mk("root", "", "测试区", area.District)
	mk("A", "root", "甲街道", area.Subdistrict)
	mk("B", "root", "乙街道", area.Subdistrict)
	mk("a1", "A", "甲一社区", area.Community)
	mk("a2", "A", "甲二社区", area.Community)
	mk("b1", "B", "乙一社区", area.Community)
	org("A.org", "A", area.WorkingCommittee, "甲街道党工委", "2015-01-01")
	org("a1.org", "a1", area.Branch, "甲一社区党支部", "2016-01-01")
	org("a2.org", "a2", area.Branch, "甲二社区党支部", "2016-01-01")
	org("b1.org", "b1", area.Branch, "乙一社区党支部", "2016-01-01")
	return w
}

// person returns a valid person input with a fictional ID number.
func person(name, birth string, seq int) people.PersonInput {
	return people.PersonInput{Name: name, Gender: people.Female, Ethnicity: "汉族", IDNumber: fakeID(birth, seq),
		Phone: fmt.Sprintf("139%08d", seq), Education: people.Bachelor, Address: "测试路 1 号"}
}

// enrol adds a person with a full membership in the organisation orgKey.
func (w *world) enrol(t *testing.T, ctx context.Context, name, orgKey, from string, seq int) (int64, int64) {
	t.Helper()
	pid, mid, err := w.s.Enrol(ctx, people.EnrolInput{
		Person: person(name, "1970-05-06", seq),
		Membership: people.MembershipInput{OrgID: w.ids[orgKey], Status: people.Full, Category: people.Resident,
			JoinedPartyOn: d("1995-07-01"), From: d(from), Reason: people.Enrolment},
	})
	if err != nil {
		t.Fatalf("enrol %s: %v", name, err)
	}
	return pid, mid
}

// wantKey fails unless err is an *i18n.Error with key (and field, when given).
func wantKey(t *testing.T, err error, key, field string) {
	t.Helper()
	var ie *i18n.Error
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want %s", err, key)
	}
	if ie.Key != key || (field != "" && ie.Field != field) {
		t.Fatalf("err = %s on %q (%v), want %s on %q", ie.Key, ie.Field, ie, key, field)
	}
	if i18n.T(i18n.ZH, ie.Key) == ie.Key || i18n.T(i18n.EN, ie.Key) == ie.Key {
		t.Errorf("%s has no message", ie.Key)
	}
}
