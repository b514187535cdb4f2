package demo

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"dangjian/internal/area"
	"dangjian/internal/db"
)

// areaOrder lists area indexes so that every row comes after the rows it
// refers to: parents (a level above) first, and within a level a merge
// target before the areas merged into it.
func (m *memDB) areaOrder() []int {
	rank := make([]int, len(m.areas))
	var chain func(i int) int
	chain = func(i int) int {
		if s := m.areas[i].successor; s != 0 && rank[i] == 0 {
			rank[i] = chain(int(s-1)) + 1
		}
		return rank[i]
	}
	level := map[string]int{"province": 0, "city": 1, "district": 2, "subdistrict": 3, "community": 4}
	order := make([]int, len(m.areas))
	for i := range m.areas {
		order[i] = i
		chain(i)
	}
	sort.SliceStable(order, func(x, y int) bool {
		a, b := order[x], order[y]
		if la, lb := level[string(m.areas[a].level)], level[string(m.areas[b].level)]; la != lb {
			return la < lb
		}
		if rank[a] != rank[b] {
			return rank[a] < rank[b]
		}
		return a < b
	})
	return order
}

// write inserts every table of m in one transaction, then whatever more
// inserts (the people) in the same transaction. created_at is left to its
// default, as the Store leaves it.
func (m *memDB) write(ctx context.Context, d *db.DB, progress func(string, ...any), more func(q db.Q) error) error {
	return d.Tx(ctx, func(q db.Q) error {
		if d.Dialect == db.SQLite {
			// Nothing else writes during a load; keep the pages in memory.
			if _, err := q.ExecContext(ctx, "PRAGMA cache_size = -65536"); err != nil {
				return err
			}
		}
		// Invalidate the read caches of any server already running on d.
		if err := area.BumpVersion(ctx, q); err != nil {
			return err
		}
		order := m.areaOrder()
		err := db.BulkInsert(ctx, q, "area", []string{"id", "level", "name", "parent_id", "code", "established_on", "ended_on", "successor_id"}, len(order),
			func(i int, dst []any) []any {
				a := m.areas[order[i]]
				return append(dst, a.id, string(a.level), a.name, db.Null(a.parent), db.Null(a.code), a.established, a.ended, db.Null(a.successor))
			})
		if err != nil {
			return err
		}
		progress("areas: %d", len(m.areas))
		if err := db.BulkInsert(ctx, q, "area_name", []string{"area_id", "name", "from_on", "to_on"}, len(m.names),
			func(i int, dst []any) []any {
				n := m.names[i]
				return append(dst, n.area, n.name, n.from, n.to)
			}); err != nil {
			return err
		}
		if err := db.BulkInsert(ctx, q, "area_closure", []string{"ancestor_id", "descendant_id", "depth", "from_on", "to_on"}, len(m.closure),
			func(i int, dst []any) []any {
				c := m.closure[i]
				return append(dst, c.anc, c.desc, c.depth, c.from, c.to)
			}); err != nil {
			return err
		}
		progress("names: %d, closure rows: %d", len(m.names), len(m.closure))
		if err := db.BulkInsert(ctx, q, "area_event", []string{"id", "kind", "on_date", "area_id", "target_id", "from_parent_id", "to_parent_id", "old_name", "new_name", "note"}, len(m.events),
			func(i int, dst []any) []any {
				e := m.events[i]
				return append(dst, e.id, string(e.kind), e.on, e.area, db.Null(e.target), db.Null(e.from), db.Null(e.to), db.Null(e.oldName), db.Null(e.newName), e.note)
			}); err != nil {
			return err
		}
		if err := db.BulkInsert(ctx, q, "area_event_result", []string{"event_id", "area_id"}, len(m.results),
			func(i int, dst []any) []any { return append(dst, m.results[i].event, m.results[i].area) }); err != nil {
			return err
		}
		progress("area events: %d", len(m.events))
		if err := db.BulkInsert(ctx, q, "party_org", []string{"id", "name", "kind", "area_id", "started_on", "ended_on", "predecessor_id"}, len(m.orgs),
			func(i int, dst []any) []any {
				o := m.orgs[i]
				return append(dst, o.id, o.name, string(o.kind), o.area, o.started, o.ended, db.Null(o.predecessor))
			}); err != nil {
			return err
		}
		if err := db.BulkInsert(ctx, q, "party_org_event", []string{"id", "kind", "on_date", "org_id", "successor_id", "note"}, len(m.orgEvents),
			func(i int, dst []any) []any {
				e := m.orgEvents[i]
				return append(dst, e.id, e.kind, e.on, e.org, db.Null(e.succ), e.note)
			}); err != nil {
			return err
		}
		progress("party organisations: %d, their events: %d", len(m.orgs), len(m.orgEvents))
		if more != nil {
			if err := more(q); err != nil {
				return err
			}
		}
		if d.Dialect == db.Postgres {
			// Explicit ids leave the identity sequences behind; move them on
			// (to 1 with is_called false for a table left empty), for every
			// table with an id column of its own.
			rows, err := q.QueryContext(ctx, `SELECT table_name FROM information_schema.columns
WHERE table_schema = current_schema() AND column_name = 'id' AND (is_identity = 'YES' OR column_default LIKE 'nextval%') ORDER BY table_name`)
			if err != nil {
				return err
			}
			tables, err := db.Collect(rows, func(r *sql.Rows) (string, error) {
				var t string
				return t, r.Scan(&t)
			})
			if err != nil {
				return err
			}
			for _, t := range tables {
				if _, err := q.ExecContext(ctx, "SELECT setval(pg_get_serial_sequence('"+t+"', 'id'), COALESCE((SELECT MAX(id) FROM "+t+"), 1), (SELECT MAX(id) FROM "+t+") IS NOT NULL)"); err != nil {
					return fmt.Errorf("gen: reset %s id sequence: %w", t, err)
				}
			}
		}
		return nil
	})
}
