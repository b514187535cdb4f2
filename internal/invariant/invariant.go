// Package invariant holds the rules the records must keep whatever was
// written (no active membership in an ended organisation, say), registered
// by the domains that own the tables, and checks them: `dangjian check`
// and, as every test ends, the test database (dbtest).
package invariant

import (
	"context"
	"fmt"
	"sort"

	"dangjian/internal/db"
)

// Invariant is one rule. SQL selects its breaches as (id, detail) rows;
// Func, when set instead, finds them itself.
type Invariant struct {
	Name string // e.g. "membership.org_active"
	Doc  string // what must hold, in English, for the operator
	SQL  string
	Func func(ctx context.Context, q db.Q) ([]Breach, error)
}

// Breach is one record that breaks an invariant.
type Breach struct {
	Invariant string
	ID        int64
	Detail    string
}

func (b Breach) String() string {
	return fmt.Sprintf("%s: record %d: %s", b.Invariant, b.ID, b.Detail)
}

var registry = map[string]*Invariant{}

// Register adds invariants; a domain registers its own from an init function.
func Register(is ...*Invariant) {
	for _, i := range is {
		if _, dup := registry[i.Name]; dup {
			panic("invariant: duplicate " + i.Name)
		}
		registry[i.Name] = i
	}
}

// All lists the registered invariants by name.
func All() []*Invariant {
	out := make([]*Invariant, 0, len(registry))
	for _, i := range registry {
		out = append(out, i)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Name < out[b].Name })
	return out
}

// maxPerInvariant bounds the breaches listed for one invariant.
const maxPerInvariant = 100

// Check runs every invariant and returns their breaches, at most 100 of
// each, in the order of the invariants' names.
func Check(ctx context.Context, q db.Q) ([]Breach, error) {
	var out []Breach
	for _, inv := range All() {
		bs, err := inv.check(ctx, q)
		if err != nil {
			return out, fmt.Errorf("invariant %s: %w", inv.Name, err)
		}
		out = append(out, bs...)
	}
	return out, nil
}

func (inv *Invariant) check(ctx context.Context, q db.Q) ([]Breach, error) {
	if inv.Func != nil {
		bs, err := inv.Func(ctx, q)
		for i := range bs {
			bs[i].Invariant = inv.Name
		}
		return bs, err
	}
	rows, err := q.QueryContext(ctx, "SELECT b.id, b.detail FROM ("+inv.SQL+") b ORDER BY b.id LIMIT ?", maxPerInvariant)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Breach
	for rows.Next() {
		b := Breach{Invariant: inv.Name}
		if err := rows.Scan(&b.ID, &b.Detail); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}
