package tally

import (
	"context"
	"fmt"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/db"
)

// source is one query that reads the records of a batch of areas ("IN (…)"
// takes the batch's ids) and what each of its rows adds to an area's steps.
type source struct {
	name  string
	query string
	// scan reads one row and adds it to the steps of its area.
	scan func(rows scanner, into func(area int64) steps, pairs map[pairKey][]span) error
}

type scanner interface{ Scan(dest ...any) error }

// pairKey names one area's spans of one column that count once however
// many records make them (units.with_concurrent_member, cross_appointed).
type pairKey struct {
	area, who int64
	col       Column
}

// sources read everything the counts come from. They mirror the row-level
// figure queries in internal/figures, which the tests hold them to.
var sources = []source{
	{
		name: "area organisations' memberships",
		query: `SELECT o.area_id, a.level, m.from_on, m.to_on, m.start_reason
FROM party_org o JOIN area a ON a.id = o.area_id JOIN membership m ON m.org_id = o.id
WHERE o.area_id IN (…)`,
		scan: func(r scanner, into func(int64) steps, _ map[pairKey][]span) error {
			var area int64
			var level, reason string
			var from, to date.Date
			if err := r.Scan(&area, &level, &from, &to, &reason); err != nil {
				return err
			}
			st := into(area)
			st.add(Members, spanOf(from, to))
			if level == "community" && (reason == "enrolment" || reason == "transfer_in") {
				st.start(Enrolled, dayOf(from))
			}
			return nil
		},
	},
	{
		name: "units' organisations' memberships",
		query: `SELECT l.area_id, l.from_on, l.to_on, m.from_on, m.to_on
FROM unit_location l JOIN party_org o ON o.unit_id = l.unit_id JOIN membership m ON m.org_id = o.id
WHERE l.area_id IN (…)`,
		scan: func(r scanner, into func(int64) steps, _ map[pairKey][]span) error {
			var area int64
			var lf, lt, mf, mt date.Date
			if err := r.Scan(&area, &lf, &lt, &mf, &mt); err != nil {
				return err
			}
			if s, ok := spanOf(lf, lt).and(spanOf(mf, mt)); ok {
				into(area).add(Members, s)
			}
			return nil
		},
	},
	{
		name: "units",
		query: `SELECT l.area_id, l.from_on, l.to_on, u.started_on, u.ended_on
FROM unit_location l JOIN unit u ON u.id = l.unit_id
WHERE l.area_id IN (…)`,
		scan: func(r scanner, into func(int64) steps, _ map[pairKey][]span) error {
			var area int64
			var lf, lt, uf, ut date.Date
			if err := r.Scan(&area, &lf, &lt, &uf, &ut); err != nil {
				return err
			}
			if s, ok := spanOf(lf, lt).and(spanOf(uf, ut)); ok {
				into(area).add(Units, s)
			}
			return nil
		},
	},
	{
		name: "units' concurrent members",
		query: `SELECT l.area_id, l.unit_id, l.from_on, l.to_on, p.from_on, p.to_on
FROM unit_location l JOIN post p ON p.unit_id = l.unit_id AND p.role = 'concurrent_member'
WHERE l.area_id IN (…)`,
		scan: func(r scanner, _ func(int64) steps, pairs map[pairKey][]span) error {
			var area, unit int64
			var lf, lt, pf, pt date.Date
			if err := r.Scan(&area, &unit, &lf, &lt, &pf, &pt); err != nil {
				return err
			}
			if s, ok := spanOf(lf, lt).and(spanOf(pf, pt)); ok {
				k := pairKey{area, unit, UnitsWithConcurrent}
				pairs[k] = append(pairs[k], s)
			}
			return nil
		},
	},
	{
		name: "concurrent member posts",
		query: `SELECT o.area_id, p.from_on, p.to_on
FROM party_org o JOIN post p ON p.org_id = o.id AND p.role = 'concurrent_member'
WHERE o.area_id IN (…)`,
		scan: func(r scanner, into func(int64) steps, _ map[pairKey][]span) error {
			var area int64
			var from, to date.Date
			if err := r.Scan(&area, &from, &to); err != nil {
				return err
			}
			into(area).add(ConcurrentPosts, spanOf(from, to))
			return nil
		},
	},
	{
		name: "cross-appointments",
		query: `SELECT d.area_id, d.from_on, d.to_on, s.from_on, s.to_on
FROM post d JOIN party_org o ON o.area_id = d.area_id
JOIN post s ON s.org_id = o.id AND s.role = 'secretary' AND s.person_id = d.person_id
WHERE d.role = 'director' AND d.area_id IN (…)`,
		scan: func(r scanner, _ func(int64) steps, pairs map[pairKey][]span) error {
			var area int64
			var df, dt, sf, stt date.Date
			if err := r.Scan(&area, &df, &dt, &sf, &stt); err != nil {
				return err
			}
			if s, ok := spanOf(df, dt).and(spanOf(sf, stt)); ok {
				k := pairKey{area, area, CrossAppointed}
				pairs[k] = append(pairs[k], s)
			}
			return nil
		},
	},
	{
		name: "registrations",
		query: `SELECT r.area_id, r.kind, r.from_on, r.to_on
FROM registration r
WHERE r.area_id IN (…)`,
		scan: func(r scanner, into func(int64) steps, _ map[pairKey][]span) error {
			var area int64
			var kind string
			var from, to date.Date
			if err := r.Scan(&area, &kind, &from, &to); err != nil {
				return err
			}
			c := RegMembers
			if kind == "unit" {
				c = RegUnits
			}
			into(area).add(c, spanOf(from, to))
			return nil
		},
	},
}

// count computes the step functions of a batch of areas; areas without any
// record get none (their counts are zero throughout).
func count(ctx context.Context, q db.Q, areas []int64) (map[int64]steps, error) {
	in, args := inList(areas)
	byArea := make(map[int64]steps, len(areas))
	into := func(a int64) steps {
		st := byArea[a]
		if st == nil {
			st = steps{}
			byArea[a] = st
		}
		return st
	}
	pairs := map[pairKey][]span{}
	for _, src := range sources {
		rows, err := q.QueryContext(ctx, strings.Replace(src.query, "(…)", in, 1), args...)
		if err != nil {
			return nil, fmt.Errorf("tally: %s: %w", src.name, err)
		}
		for rows.Next() {
			if err := src.scan(rows, into, pairs); err != nil {
				rows.Close()
				return nil, fmt.Errorf("tally: %s: %w", src.name, err)
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("tally: %s: %w", src.name, err)
		}
	}
	if err := countDomains(ctx, q, in, args, into, pairs); err != nil {
		return nil, err
	}
	addOnce(into, pairs)
	return byArea, nil
}

// addOnce counts each (area, col) of pairs once over the union of its spans.
func addOnce(into func(int64) steps, pairs map[pairKey][]span) {
	for k, ss := range pairs {
		st := into(k.area)
		for _, s := range union(ss) {
			st.add(k.col, s)
		}
	}
}

// inList is "(?, ?, …)" for ids, with the ids as arguments.
func inList(ids []int64) (string, []any) {
	var b strings.Builder
	args := make([]any, len(ids))
	b.WriteByte('(')
	for i, id := range ids {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('?')
		args[i] = id
	}
	b.WriteByte(')')
	return b.String(), args
}
