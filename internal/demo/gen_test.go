package demo

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
	"dangjian/internal/tally"
)

var genToday = date.MustParse("2025-06-30")

func districtTier(t *testing.T) Tier {
	t.Helper()
	tier, err := ParseTier("district")
	if err != nil {
		t.Fatal(err)
	}
	return tier
}

// TestGenerateDistrictInvariants generates the whole district tier
// (100,000 members) and checks the area tree, the closure table against the
// event log every half year, the figures and the people. A scale check:
// TestGenerateMatchesStore proves the generator on the district tree with
// fewer people in every run.
func TestGenerateDistrictInvariants(t *testing.T) {
	dbtest.RequireScale(t)
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		tier := districtTier(t)
		var log strings.Builder
		st, err := GenerateWith(ctx, d, GenOptions{Tier: tier, Seed: 7, Today: genToday, Keys: testKeys(t)}, &log)
		if err != nil {
			t.Fatalf("generate: %v\n%s", err, log.String())
		}
		if st.Communities != tier.Communities || st.Subdistricts != tier.Subdistricts {
			t.Errorf("stats %+v, want %d communities, %d subdistricts", st, tier.Communities, tier.Subdistricts)
		}
		if !strings.Contains(log.String(), "gen: written in") {
			t.Errorf("no progress lines: %q", log.String())
		}
		q := d.Reader()
		for level, want := range map[string]int{"community": tier.Communities, "subdistrict": tier.Subdistricts, "district": 1} {
			var n int
			if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM area WHERE level = ? AND established_on <= ? AND (ended_on IS NULL OR ? < ended_on)",
				level, genToday, genToday).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Errorf("%d %s areas active today, want %d", n, level, want)
			}
		}
		start := date.Of(genToday.Time().AddDate(-10, 0, 0))
		for x := start; !x.After(genToday); x = x.AddDays(182) {
			checkClosureOn(t, q, x)
		}
		checkClosureOn(t, q, genToday)

		root, err := area.NewStore(d).Root(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if root.Level != area.District {
			t.Errorf("root level %s, want district", root.Level)
		}
		vals, err := figures.ComputeAll(ctx, q, figures.Scope{AreaID: root.ID, From: start, To: genToday}, i18n.EN)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			if v.Value <= 0 {
				t.Errorf("figure %s is %v over ten years, want > 0", v.Key, v.Value)
			}
			t.Logf("%s = %v", v.Key, v.Value)
		}

		checkPeople(t, d, st, tier)
		checkCoordination(t, d, st)
		checkPremises(t, d, st)
		checkCobuilding(t, d, st)
		checkServices(t, d, st)
		checkPetitions(t, d, st)
		if _, err := GenerateWith(ctx, d, GenOptions{Tier: tier, Seed: 7, Today: genToday, Keys: testKeys(t)}, nil); !errors.Is(err, ErrGenNotEmpty) {
			t.Errorf("second generate: %v, want ErrGenNotEmpty", err)
		}
	})
}

// checkClosureOn checks, for date x, that every active area but the root has
// exactly one parent in the closure table, one level above it and active;
// that every closure row of an active area is its chain of parents; and that
// the parent agrees with the event log (create, adjust, split).
func checkClosureOn(t *testing.T, q db.Q, x date.Date) {
	t.Helper()
	ctx := context.Background()
	levels := map[int64]area.Level{}
	rows, err := q.QueryContext(ctx, "SELECT id, level FROM area WHERE established_on <= ? AND (ended_on IS NULL OR ? < ended_on)", x, x)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var l area.Level
		if err := rows.Scan(&id, &l); err != nil {
			t.Fatal(err)
		}
		levels[id] = l
	}
	rows.Close()
	type pair struct {
		anc   int64
		depth int
	}
	got := map[int64]map[pair]int{}
	parent := map[int64]int64{}
	rows, err = q.QueryContext(ctx, "SELECT ancestor_id, descendant_id, depth FROM area_closure WHERE from_on <= ? AND (to_on IS NULL OR ? < to_on)", x, x)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var a, dsc int64
		var depth int
		if err := rows.Scan(&a, &dsc, &depth); err != nil {
			t.Fatal(err)
		}
		if got[dsc] == nil {
			got[dsc] = map[pair]int{}
		}
		got[dsc][pair{a, depth}]++
		if depth == 1 && levels[dsc] != "" {
			if p, dup := parent[dsc]; dup {
				t.Errorf("%s: area %d has two parents, %d and %d", x, dsc, p, a)
			}
			parent[dsc] = a
		}
	}
	rows.Close()

	// The parent by the event log: the latest create/adjust target or split origin on or before x.
	logParent := map[int64]int64{}
	rows, err = q.QueryContext(ctx, `SELECT area_id, to_parent_id, on_date, id FROM area_event WHERE kind IN ('create', 'adjust') AND to_parent_id IS NOT NULL AND on_date <= ?
UNION ALL SELECT r.area_id, e.from_parent_id, e.on_date, e.id FROM area_event_result r JOIN area_event e ON e.id = r.event_id WHERE e.on_date <= ?
ORDER BY 3, 4`, x, x)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var a, p, id int64
		var on date.Date
		if err := rows.Scan(&a, &p, &on, &id); err != nil {
			t.Fatal(err)
		}
		logParent[a] = p
	}
	rows.Close()

	for id, l := range levels {
		want := map[pair]int{{id, 0}: 1}
		if l != area.District {
			p, ok := parent[id]
			switch {
			case !ok:
				t.Errorf("%s: active %s %d has no parent", x, l, id)
				continue
			case levels[p] == "":
				t.Errorf("%s: %s %d has parent %d, not active", x, l, id, p)
			case levels[p].ChildLevel() != l:
				t.Errorf("%s: %s %d under %s %d", x, l, id, levels[p], p)
			}
			if logParent[id] != p {
				t.Errorf("%s: area %d: closure parent %d, event log parent %d", x, id, p, logParent[id])
			}
			for depth, a := 1, p; a != 0; depth, a = depth+1, parent[a] {
				want[pair{a, depth}] = 1
			}
		}
		if !reflect.DeepEqual(got[id], want) {
			t.Errorf("%s: closure rows of %d are %v, want %v", x, id, got[id], want)
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	tier := districtTier(t)
	a, err := plan(GenOptions{Tier: tier, Seed: 3, Today: genToday})
	if err != nil {
		t.Fatal(err)
	}
	b, err := plan(GenOptions{Tier: tier, Seed: 3, Today: genToday})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.m.ops, b.m.ops) || !reflect.DeepEqual(a.m.closure, b.m.closure) || !reflect.DeepEqual(a.m.orgEvents, b.m.orgEvents) {
		t.Error("two plans with the same seed differ")
	}
	c, err := plan(GenOptions{Tier: tier, Seed: 4, Today: genToday})
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(a.m.ops, c.m.ops) {
		t.Error("two seeds give the same plan")
	}
	for _, tr := range Tiers {
		if tr.Name == "district" {
			continue
		}
		if testing.Short() {
			break
		}
		p, err := plan(GenOptions{Tier: tr, Seed: DefaultSeed, Today: genToday})
		if err != nil {
			t.Fatalf("%s: %v", tr.Name, err)
		}
		if p.comms.len() != tr.Communities || p.subs.len() != tr.Subdistricts {
			t.Errorf("%s: %d communities, %d subdistricts", tr.Name, p.comms.len(), p.subs.len())
		}
	}
}

// TestGenerateMatchesStore is the generator's proof: the operations it
// planned are replayed one by one through area.Store (with all its
// validation) into one database, Generate writes the same seed into
// another, and every table must be identical, ids included, apart from
// created_at.
func TestGenerateMatchesStore(t *testing.T) {
	if testing.Short() {
		t.Skip("replays the district tier through the Store")
	}
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			ctx := context.Background()
			// The district tree with fewer people, so that the replay of
			// every person through people.Store stays quick; the scale
			// checks replay more of them.
			tier := districtTier(t)
			// Fewer whistles too: each is a handful of Store calls.
			tier.Members, tier.Units, tier.WhistlesPerYear, tier.CoProjects = 800, 50, 2, 300
			tier.Outlets, tier.Placements, tier.Deeds, tier.Petitions = 150, 200, 300, 600
			if os.Getenv(dbtest.EnvScale) == "1" {
				tier.Members, tier.Units, tier.WhistlesPerYear, tier.CoProjects = 3000, 150, 6, 1000
				tier.Outlets, tier.Placements, tier.Deeds, tier.Petitions = 200, 1000, 2000, 2000
			}
			o := GenOptions{Tier: tier, Seed: 11, Today: genToday, Keys: testKeys(t)}
			p, err := plan(o)
			if err != nil {
				t.Fatal(err)
			}
			viaStore := dbtest.Open(t, e)
			replay(t, viaStore, p.m.ops, o.Today)
			replayPeople(t, viaStore, p, o)
			cp := replayCoord(t, viaStore, p, o)
			pr := replayPremises(t, viaStore, p, o)
			cb := replayCobuilding(t, viaStore, cp, o)
			replayServices(t, viaStore, cp, o)
			replayPetitions(t, viaStore, cp, o)
			if cb.done() == 0 || len(cb.feedback) == 0 || len(cb.resources) == 0 {
				t.Fatalf("part four (a) not planned: %d projects done, %d feedback, %d resources", cb.done(), len(cb.feedback), len(cb.resources))
			}
			if pr.threeLacks == 0 || pr.solved == 0 || pr.underWay == 0 || len(pr.rooms) == 0 {
				t.Fatalf("part three not planned: %d three-lacks, %d solved, %d under way, %d rooms", pr.threeLacks, pr.solved, pr.underWay, len(pr.rooms))
			}
			if len(cp.conferences) == 0 || len(cp.sessions) == 0 || len(cp.whistles) == 0 || len(cp.campaigns) == 0 {
				t.Fatalf("part two not planned: %d conferences, %d sessions, %d whistles, %d campaigns", len(cp.conferences), len(cp.sessions), len(cp.whistles), len(cp.campaigns))
			}
			// The replays deferred the recount (one per write took minutes
			// on PostgreSQL): one flush brings the counts up to date.
			if err := viaStore.Tx(ctx, func(q db.Q) error { _, err := tally.Flush(ctx, q); return err }); err != nil {
				t.Fatal(err)
			}

			fast := dbtest.Open(t, e)
			st, err := GenerateWith(ctx, fast, o, nil)
			if err != nil {
				t.Fatal(err)
			}
			comparePersons(t, o.Keys, viaStore, fast)
			checkCoordination(t, fast, st)
			checkPremises(t, fast, st)
			checkCobuilding(t, fast, st)
			checkServices(t, fast, st)
			checkPetitions(t, fast, st)
			comparePhones(t, o.Keys, viaStore, fast)
			if e == db.SQLite {
				// The indexes and triggers the generator dropped are back.
				schema := "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"
				if want, got := dump(t, viaStore, schema), dump(t, fast, schema); !reflect.DeepEqual(want, got) {
					t.Errorf("schema after Generate differs:\n store %q\n   gen %q", want, got)
				}
			}
			for _, table := range slices.Concat(tableDumps, peopleDumps, coordDumps, premDumps, cobDumps, svcDumps, petDumps) {
				want, got := dump(t, viaStore, table), dump(t, fast, table)
				if len(want) != len(got) {
					t.Errorf("%s: Store wrote %d rows, Generate %d", table, len(want), len(got))
				}
				for i := range min(len(want), len(got)) {
					if want[i] != got[i] {
						t.Errorf("%s row %d:\n store %s\n   gen %s", table, i, want[i], got[i])
						break
					}
				}
			}
			// The same figures, for every year and a few subtrees.
			root, err := area.NewStore(fast).Root(ctx)
			if err != nil {
				t.Fatal(err)
			}
			// Part three is all there over the ten years, even with fewer
			// people (TestGenerateDistrictInvariants checks every part).
			ten := figures.Scope{AreaID: root.ID, From: date.Of(genToday.Time().AddDate(-10, 0, 0)), To: genToday}
			three, err := figures.ComputeList(ctx, fast.Reader(), ten, i18n.EN, figuresOfParts(3))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range three {
				if v.Value <= 0 {
					t.Errorf("part three: %s is %v over ten years, want > 0", v.Key, v.Value)
				}
			}
			scopes := []int64{root.ID, root.ID + 1, root.ID + 5}
			for y := genToday.Year() - 10; y <= genToday.Year(); y++ {
				from, to := date.YearBounds(y)
				for _, id := range scopes {
					s := figures.Scope{AreaID: id, From: from, To: to}
					a, err := figures.ComputeAll(ctx, viaStore.Reader(), s, i18n.EN)
					if err != nil {
						t.Fatal(err)
					}
					b, err := figures.ComputeAll(ctx, fast.Reader(), s, i18n.EN)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(a, b) {
						t.Errorf("figures for area %d in %d: store %v, gen %v", id, y, a, b)
					}
					// The counts behind them agree with the rows.
					for _, v := range b {
						if f := figures.Get(v.Key); f.Tally != nil || f.Set != nil {
							rows, err := f.CountRows(ctx, fast.Reader(), s)
							if err != nil {
								t.Fatal(err)
							}
							if rows != v.Value {
								t.Errorf("%s for area %d in %d: %v from the counts, %v from the rows", v.Key, id, y, v.Value, rows)
							}
						}
					}
				}
			}
			// A Store write after Generate gets a fresh id (sequences moved on).
			s := area.NewStore(fast)
			s.Today = func() date.Date { return genToday }
			id, err := s.Create(ctx, area.CreateInput{ParentID: root.ID + 1, Name: "回放后新建社区", On: genToday})
			if err != nil {
				t.Fatalf("create after generate: %v", err)
			}
			if want := int64(len(p.m.areas) + 1); id != want {
				t.Errorf("next area id %d, want %d", id, want)
			}
			ps := &people.Store{DB: fast, Areas: s, Keys: o.Keys, Today: s.Today}
			pid, err := ps.Create(ctx, people.PersonInput{Name: "回放后新人", Gender: people.Female, BirthDate: date.MustParse("1980-01-02")})
			if err != nil {
				t.Fatalf("person after generate: %v", err)
			}
			if want := int64(tier.Members + 1); pid != want {
				t.Errorf("next person id %d, want %d", pid, want)
			}
		})
	}
}

// replay runs the recorded operations through area.Store and checks that
// the Store hands out the ids the generator assigned.
func replay(t *testing.T, d *db.DB, ops []op, today date.Date) {
	t.Helper()
	ctx := tally.Defer(context.Background()) // one recount at the end (TestGenerateMatchesStore)
	s := area.NewStore(d)
	s.Today = func() date.Date { return today }
	for i, o := range ops {
		var ids []int64
		var err error
		var id int64
		switch o.kind {
		case opCreate:
			id, err = s.Create(ctx, o.create)
			ids = []int64{id}
		case opMerge:
			err = s.Merge(ctx, o.merge)
		case opSplit:
			ids, err = s.Split(ctx, o.split)
		case opAdjust:
			err = s.Adjust(ctx, o.adjust)
		case opRename:
			err = s.Rename(ctx, o.rename)
		case opDissolve:
			err = s.Dissolve(ctx, o.dissolve)
		case opCreateOrg:
			id, err = s.CreateOrg(ctx, o.org)
			ids = []int64{id}
		case opReform:
			id, err = s.Reform(ctx, o.reform)
			ids = []int64{id}
		}
		if err != nil {
			t.Fatalf("op %d (%+v): the Store refused: %v", i, o, err)
		}
		if !reflect.DeepEqual(ids, o.ids) {
			t.Fatalf("op %d (%+v): Store ids %v, generator ids %v", i, o, ids, o.ids)
		}
	}
}

// tableDumps select every column the Store writes except created_at, in a
// stable order.
var tableDumps = []string{
	"SELECT id, level, name, parent_id, code, established_on, ended_on, successor_id FROM area ORDER BY id",
	"SELECT area_id, name, from_on, to_on FROM area_name ORDER BY area_id, from_on",
	"SELECT ancestor_id, descendant_id, depth, from_on, COALESCE(to_on, from_on) FROM area_closure ORDER BY ancestor_id, descendant_id, from_on, depth, 5",
	"SELECT id, kind, on_date, area_id, target_id, from_parent_id, to_parent_id, old_name, new_name, note FROM area_event ORDER BY id",
	"SELECT event_id, area_id FROM area_event_result ORDER BY event_id, area_id",
	"SELECT id, name, kind, area_id, unit_id, started_on, ended_on, predecessor_id FROM party_org ORDER BY id",
	"SELECT id, kind, on_date, org_id, successor_id, note FROM party_org_event ORDER BY id",
}

func dump(t *testing.T, d *db.DB, query string) []string {
	t.Helper()
	rows, err := d.Reader().QueryContext(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for i, v := range vals {
			if i > 0 {
				b.WriteString(" | ")
			}
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprint(&b, v)
		}
		out = append(out, b.String())
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
