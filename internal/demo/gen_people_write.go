package demo

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"dangjian/internal/db"
	"dangjian/internal/people"
	"dangjian/internal/pii"
)

// peopleCounts counts the people rows written.
type peopleCounts struct {
	persons, memberships, units, unitOrgs, terms, posts, registrations int
}

// writeUnits inserts the planned units, their locations, their own party
// organisations and those organisations' events.
func (p *peoplePlanner) writeUnits(ctx context.Context, q db.Q) error {
	if err := db.BulkInsert(ctx, q, "unit", []string{"id", "name", "kind", "rank", "started_on", "ended_on", "note"}, len(p.units),
		func(i int, dst []any) []any {
			u := &p.units[i]
			return append(dst, u.id, u.name, string(u.kind), string(u.rank), u.started, u.ended, "")
		}); err != nil {
		return err
	}
	type locRow struct {
		unit int64
		l    genLoc
	}
	var locs []locRow
	for i := range p.units {
		for _, l := range p.units[i].locs {
			locs = append(locs, locRow{p.units[i].id, l})
		}
	}
	if err := db.BulkInsert(ctx, q, "unit_location", []string{"unit_id", "area_id", "from_on", "to_on"}, len(locs),
		func(i int, dst []any) []any {
			r := locs[i]
			return append(dst, r.unit, r.l.area, r.l.from, r.l.to)
		}); err != nil {
		return err
	}
	unitOf := map[int64]int64{}
	for i := range p.units {
		if p.units[i].org != 0 {
			unitOf[p.units[i].org] = p.units[i].id
		}
	}
	if err := db.BulkInsert(ctx, q, "party_org", []string{"id", "name", "kind", "unit_id", "started_on", "ended_on"}, len(p.unitOrgs),
		func(i int, dst []any) []any {
			o := p.unitOrgs[i]
			return append(dst, o.id, o.name, string(o.kind), unitOf[o.id], o.started, o.ended)
		}); err != nil {
		return err
	}
	return db.BulkInsert(ctx, q, "party_org_event", []string{"id", "kind", "on_date", "org_id", "successor_id", "note"}, len(p.orgEvts),
		func(i int, dst []any) []any {
			e := p.orgEvts[i]
			return append(dst, e.id, e.kind, e.on, e.org, nil, e.note)
		})
}

// seal encrypts the persons' ID and phone numbers and computes the lookup
// hashes, on every CPU (about a microsecond or two per value).
func seal(keys *pii.Keyring, ps []genPerson) error {
	workers := runtime.GOMAXPROCS(0)
	per := (len(ps) + workers - 1) / workers
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		lo, hi := w*per, min((w+1)*per, len(ps))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				x := &ps[i]
				var err error
				if x.idEnc, err = keys.EncryptFor(people.ColIDNumber, x.idNumber); err != nil {
					errs[w] = err
					return
				}
				x.idHash = keys.Hash(people.ColIDNumber, x.idNumber)
				if x.phoneEnc, err = keys.EncryptFor(people.ColPhone, x.phone); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("gen: encrypt: %w", err)
		}
	}
	return nil
}

// writeChunk inserts one chunk of people rows.
func writeChunk(ctx context.Context, q db.Q, keys *pii.Keyring, c *peopleChunk, n *peopleCounts) error {
	if err := seal(keys, c.persons); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "person", []string{"id", "name", "gender", "ethnicity", "birth_date", "id_number_enc", "id_number_hash", "phone_enc", "education", "address"}, len(c.persons),
		func(i int, dst []any) []any {
			x := &c.persons[i]
			return append(dst, x.id, x.name, string(x.gender), x.ethnicity, x.birth, db.Null(x.idEnc), db.Null(x.idHash), db.Null(x.phoneEnc), string(x.education), x.address)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "membership", []string{"id", "person_id", "org_id", "status", "category", "joined_party_on", "full_on", "from_on", "to_on",
		"start_reason", "end_reason", "from_org_name", "to_org_name", "previous_id", "note"}, len(c.memberships),
		func(i int, dst []any) []any {
			m := &c.memberships[i]
			return append(dst, m.id, m.person, m.org, string(m.status), string(m.category), m.joined, m.fullOn, m.from, m.to,
				string(m.startReason), db.Null(string(m.endReason)), m.fromOrgName, m.toOrgName, db.Null(m.previous), m.note)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "term", []string{"id", "org_id", "number", "elected_on", "expected_voters", "present_voters", "votes_cast", "started_on", "ended_on", "note"}, len(c.terms),
		func(i int, dst []any) []any {
			t := &c.terms[i]
			return append(dst, t.id, t.org, t.number, t.elected, t.expected, t.present, t.votes, t.started, t.ended, t.note)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "post", []string{"id", "person_id", "role", "org_id", "area_id", "term_id", "unit_id", "from_on", "to_on", "end_note"}, len(c.posts),
		func(i int, dst []any) []any {
			x := &c.posts[i]
			return append(dst, x.id, x.person, string(x.role), db.Null(x.org), db.Null(x.area), db.Null(x.term), db.Null(x.unit), x.from, x.to, x.endNote)
		}); err != nil {
		return err
	}
	if err := db.BulkInsert(ctx, q, "registration", []string{"id", "kind", "person_id", "org_id", "area_id", "from_on", "to_on", "note"}, len(c.registrations),
		func(i int, dst []any) []any {
			r := &c.registrations[i]
			return append(dst, r.id, string(r.kind), db.Null(r.person), db.Null(r.org), r.area, r.from, r.to, r.note)
		}); err != nil {
		return err
	}
	n.persons += len(c.persons)
	n.memberships += len(c.memberships)
	n.terms += len(c.terms)
	n.posts += len(c.posts)
	n.registrations += len(c.registrations)
	return nil
}

// peopleTables are the tables the people writer fills.
var peopleTables = []string{"person", "membership", "unit", "unit_location", "term", "post", "registration"}

// withoutIndexes runs load with the secondary indexes of tables dropped,
// then creates them again from their own definitions (as the migrations
// wrote them, read back from the catalogue): one sorted build per index is
// much cheaper than millions of random inserts into each. Indexes that back
// a constraint (primary keys, UNIQUE) stay. The unique indexes rebuilt
// check their rows as they are built, so nothing escapes them.
//
// On SQLite the tables' triggers (which note for internal/tally what each
// row touched, one statement per row) are dropped and created again the
// same way; the caller marks every area for the recount instead. On
// PostgreSQL they run once per statement and stay.
func withoutIndexes(ctx context.Context, q db.Q, dialect db.Dialect, tables []string, load func() error) error {
	type index struct{ kind, name, def string }
	var all []index
	for _, t := range tables {
		query := "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL ORDER BY type, name"
		if dialect == db.Postgres {
			query = `SELECT 'index', i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = ?
AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()))
ORDER BY i.indexname`
		}
		rows, err := q.QueryContext(ctx, query, t)
		if err != nil {
			return fmt.Errorf("gen: indexes of %s: %w", t, err)
		}
		for rows.Next() {
			var x index
			if err := rows.Scan(&x.kind, &x.name, &x.def); err != nil {
				rows.Close()
				return err
			}
			all = append(all, x)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for _, x := range all {
		if _, err := q.ExecContext(ctx, "DROP "+strings.ToUpper(x.kind)+" "+x.name); err != nil {
			return fmt.Errorf("gen: drop %s %s: %w", x.kind, x.name, err)
		}
	}
	if err := load(); err != nil {
		return err
	}
	for _, x := range all {
		if _, err := q.ExecContext(ctx, x.def); err != nil {
			return fmt.Errorf("gen: create %s %s: %w", x.kind, x.name, err)
		}
	}
	return nil
}
