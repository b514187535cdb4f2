package demo

import (
	"context"
	"reflect"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/people"
	"dangjian/internal/pii"
	"dangjian/internal/tally"
)

// peopleDumps select every column people.Store writes, in a stable order;
// the person's ciphertexts differ (random nonces) and are compared
// decrypted by comparePersons.
var peopleDumps = []string{
	"SELECT id, name, gender, ethnicity, birth_date, id_number_hash, education, address, id_number_enc IS NULL, phone_enc IS NULL FROM person ORDER BY id",
	`SELECT id, person_id, org_id, status, category, joined_party_on, full_on, from_on, to_on, start_reason, end_reason,
from_org_name, to_org_name, previous_id, note FROM membership ORDER BY id`,
	"SELECT id, name, kind, rank, started_on, ended_on, note FROM unit ORDER BY id",
	"SELECT unit_id, area_id, from_on, to_on FROM unit_location ORDER BY unit_id, from_on",
	"SELECT id, org_id, number, elected_on, expected_voters, present_voters, votes_cast, started_on, ended_on, note FROM term ORDER BY id",
	"SELECT id, person_id, role, org_id, area_id, term_id, unit_id, from_on, to_on, end_note FROM post ORDER BY id",
	"SELECT id, kind, person_id, org_id, area_id, from_on, to_on, note FROM registration ORDER BY id",
	// The counts kept by a flush after each write equal one flush at the end.
	"SELECT * FROM tally ORDER BY area_id, on_date",
	"SELECT * FROM tally_dirty",
}

// replayPeople plans the people of p as Generate does, recording the
// operations, and runs them one by one through people.Store, checking that
// the Store hands out the ids the generator assigned.
func replayPeople(t *testing.T, d *db.DB, p *planner, o GenOptions) {
	t.Helper()
	ctx := tally.Defer(context.Background())
	pp := newPeoplePlanner(p.m, o.Seed, o.Today, p.start, o.Tier.Members)
	pp.record = true
	pp.prepare()
	pp.planUnits(o.Tier.Units)
	if err := pp.plan(peopleChunkSize, func(*peopleChunk) error { return nil }); err != nil {
		t.Fatal(err)
	}
	a := area.NewStore(d)
	a.Today = func() date.Date { return o.Today }
	s := &people.Store{DB: d, Areas: a, Keys: o.Keys, Today: a.Today}
	for i, x := range pp.ops {
		var ids []int64
		var err error
		var id, id2 int64
		switch x.kind {
		case "enrol":
			id, id2, err = s.Enrol(ctx, x.enrol)
			ids = []int64{id, id2}
		case "transfer":
			id, err = s.Transfer(ctx, x.transfer)
			ids = []int64{id}
		case "end":
			err = s.End(ctx, x.end)
		case "unit":
			id, err = s.CreateUnit(ctx, x.unit)
			ids = []int64{id}
		case "unit_org":
			id, err = s.CreateUnitOrg(ctx, x.unitOrg)
			ids = []int64{id}
		case "move":
			err = s.MoveUnit(ctx, x.move)
		case "end_unit":
			err = s.EndUnit(ctx, x.endUnit)
		case "elect":
			id, err = s.Elect(ctx, x.elect)
			ids = x.ids[:1]
			if id != x.ids[0] {
				ids = []int64{id}
			}
		case "appoint":
			id, err = s.Appoint(ctx, x.appoint)
			ids = []int64{id}
		case "end_post":
			err = s.EndPost(ctx, x.endPost)
		case "register":
			id, err = s.Register(ctx, x.register)
			ids = []int64{id}
		default:
			t.Fatalf("op %d: unknown kind %q", i, x.kind)
		}
		if err != nil {
			t.Fatalf("people op %d (%s %+v): the Store refused: %v", i, x.kind, x, err)
		}
		want := x.ids
		if x.kind == "elect" {
			want = x.ids[:1]
		}
		if len(want) == 0 {
			want = nil
		}
		if !reflect.DeepEqual(ids, want) {
			t.Fatalf("people op %d (%s): Store ids %v, generator ids %v", i, x.kind, ids, want)
		}
	}
	t.Logf("replayed %d people operations", len(pp.ops))
}

// comparePersons checks that both databases hold the same ID and phone
// numbers for each person once decrypted.
func comparePersons(t *testing.T, keys *pii.Keyring, a, b *db.DB) {
	t.Helper()
	read := func(d *db.DB) map[int64][2]string {
		rows, err := d.Reader().QueryContext(context.Background(), "SELECT id, COALESCE(id_number_enc, ''), COALESCE(phone_enc, '') FROM person")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[int64][2]string{}
		for rows.Next() {
			var id int64
			var idEnc, phoneEnc string
			if err := rows.Scan(&id, &idEnc, &phoneEnc); err != nil {
				t.Fatal(err)
			}
			idn, err := keys.DecryptFor(people.ColIDNumber, idEnc)
			if err != nil {
				t.Fatal(err)
			}
			ph, err := keys.DecryptFor(people.ColPhone, phoneEnc)
			if err != nil {
				t.Fatal(err)
			}
			out[id] = [2]string{idn, ph}
		}
		return out
	}
	x, y := read(a), read(b)
	if len(x) != len(y) {
		t.Errorf("persons: %d via the Store, %d generated", len(x), len(y))
	}
	bad := 0
	for id, v := range x {
		if y[id] != v && bad < 3 {
			bad++
			t.Errorf("person %d: Store %v, generated %v", id, v, y[id])
		}
	}
}

// checkPeople checks the invariants of the generated people that the
// Store's rules guarantee, in SQL over the whole tier.
func checkPeople(t *testing.T, d *db.DB, st GenStats, tier Tier) {
	t.Helper()
	ctx := context.Background()
	q := d.Reader()
	count := func(query string, args ...any) int {
		t.Helper()
		var n int
		if err := q.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
			t.Fatalf("%v: %s", err, query)
		}
		return n
	}
	if st.Persons != tier.Members || count("SELECT COUNT(*) FROM person") != tier.Members {
		t.Errorf("%d persons (stats %d), want %d", count("SELECT COUNT(*) FROM person"), st.Persons, tier.Members)
	}
	if st.Units != tier.Units || count("SELECT COUNT(*) FROM unit") != tier.Units {
		t.Errorf("%d units, want %d", count("SELECT COUNT(*) FROM unit"), tier.Units)
	}
	for _, c := range []struct{ what, query string }{
		{"persons without a membership", "SELECT COUNT(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM membership m WHERE m.person_id = p.id)"},
		{"overlapping memberships", "SELECT COUNT(*) FROM membership a JOIN membership b ON b.person_id = a.person_id AND b.id > a.id AND b.from_on < COALESCE(a.to_on, '9999-12-31') AND a.from_on < COALESCE(b.to_on, '9999-12-31')"},
		{"memberships before joining", "SELECT COUNT(*) FROM membership WHERE from_on < joined_party_on"},
		{"memberships outside their organisation's life", "SELECT COUNT(*) FROM membership m JOIN party_org o ON o.id = m.org_id WHERE m.from_on < o.started_on OR (o.ended_on IS NOT NULL AND m.from_on >= o.ended_on)"},
		{"transfers not continuous", "SELECT COUNT(*) FROM membership m JOIN membership pr ON pr.id = m.previous_id WHERE pr.to_on <> m.from_on OR pr.person_id <> m.person_id OR pr.end_reason <> 'transfer_out'"},
		{"probationary members with a full date", "SELECT COUNT(*) FROM membership WHERE status = 'probationary' AND full_on IS NOT NULL"},
		{"two secretaries at once", "SELECT COUNT(*) FROM post a JOIN post b ON b.org_id = a.org_id AND b.role = 'secretary' AND a.role = 'secretary' AND b.id > a.id AND b.from_on < COALESCE(a.to_on, '9999-12-31') AND a.from_on < COALESCE(b.to_on, '9999-12-31')"},
		{"two directors at once", "SELECT COUNT(*) FROM post a JOIN post b ON b.area_id = a.area_id AND b.role = 'director' AND a.role = 'director' AND b.id > a.id AND b.from_on < COALESCE(a.to_on, '9999-12-31') AND a.from_on < COALESCE(b.to_on, '9999-12-31')"},
		{"posts outside their term", "SELECT COUNT(*) FROM post p JOIN term t ON t.id = p.term_id WHERE p.from_on < t.elected_on OR (t.ended_on IS NOT NULL AND p.from_on >= t.ended_on)"},
		{"concurrent members from inactive units", "SELECT COUNT(*) FROM post p JOIN unit u ON u.id = p.unit_id WHERE p.from_on < u.started_on OR (u.ended_on IS NOT NULL AND p.from_on >= u.ended_on)"},
		{"member registrations without an in-service membership", "SELECT COUNT(*) FROM registration r WHERE r.kind = 'member' AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.person_id = r.person_id AND m.category = 'in_service' AND m.from_on <= r.from_on AND (m.to_on IS NULL OR r.from_on < m.to_on))"},
		{"unit registrations of inactive organisations", "SELECT COUNT(*) FROM registration r JOIN party_org o ON o.id = r.org_id WHERE r.kind = 'unit' AND (o.unit_id IS NULL OR r.from_on < o.started_on OR o.ended_on IS NOT NULL)"},
	} {
		if n := count(c.query); n != 0 {
			t.Errorf("%d %s", n, c.what)
		}
	}
	// Every ID number is a valid, fictional one.
	bad := count("SELECT COUNT(*) FROM person WHERE id_number_enc IS NOT NULL AND id_number_hash IS NULL")
	if bad != 0 {
		t.Errorf("%d ID numbers without a lookup hash", bad)
	}
}
