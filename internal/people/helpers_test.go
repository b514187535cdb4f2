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
	"dangjian/internal/testkit"
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

// world is testkit's small district with a branch in each live community;
// ids knows its records by short keys too: root (示范区), A (河东街道), B
// (官渡街道), a1 (迎宾社区), a2 (宾南社区), b1 (官渡社区), A.org (河东街道党委)
// and x.org for the branch of community x.
type world struct {
	*testkit.World
	db    *db.DB
	areas *area.Store
	s     *people.Store
	ids   map[string]int64
}

func newWorld(t *testing.T, dbh *db.DB) *world {
	t.Helper()
	tw := testkit.New(t, dbh, testkit.Options{})
	tw.Org("宾南社区党支部", "宾南社区", area.Branch, d("2016-01-01"))
	tw.Org("官渡社区党支部", "官渡社区", area.Branch, d("2016-01-01"))
	w := &world{World: tw, db: dbh, areas: tw.App.Areas, s: tw.App.People, ids: map[string]int64{}}
	for key, name := range map[string]string{
		"root": "示范区", "A": "河东街道", "B": "官渡街道", "a1": "迎宾社区", "a2": "宾南社区", "b1": "官渡社区",
		"A.org": "河东街道党委", "a1.org": "迎宾社区党支部", "a2.org": "宾南社区党支部", "b1.org": "官渡社区党支部",
	} {
		w.ids[key] = tw.ID(name)
	}
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
