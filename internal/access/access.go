// Package access answers one question for the pages and the API alike: may
// this user do P on the record the request names? It holds the mechanism
// only. Permissions are defined by the packages that guard something with
// them (auth.Define), and a domain says how the {id} of each of its routes is
// placed in a caller's subtree (a Place): the domain's scoped store knows
// where its records lie.
package access

import (
	"context"
	"errors"

	"dangjian/internal/auth"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

type scopeKey struct{}

// WithScope returns a context whose reads and writes through any scoped
// store are restricted to the subtree of areaID (0: no restriction). The
// web and API layers set it from the signed-in user before any handler
// runs, so a handler cannot forget it.
func WithScope(ctx context.Context, areaID int64) context.Context {
	return context.WithValue(ctx, scopeKey{}, areaID)
}

// ScopeFrom is the subtree the context is restricted to (0: none).
func ScopeFrom(ctx context.Context) int64 {
	v, _ := ctx.Value(scopeKey{}).(int64)
	return v
}

// Scope is the subtree p works in: their area, or the whole tree (0) for
// the roles that are not scoped to an area (the administrator, the auditor,
// whose permissions reach no area record, and the unit liaison, whose unit
// permissions reach only their own unit, see Decide). ok is false for an
// account of an area role without its area: it may do nothing.
func Scope(p auth.Principal) (areaID int64, ok bool) {
	if p.Role.NeedsArea() {
		return p.AreaID, p.AreaID != 0
	}
	return 0, true
}

// Place says how the {id} of a route is placed in a caller's subtree.
type Place struct {
	// Name names what the id is ("area", "person", …), for tests and logs.
	Name string
	// Unit marks a stationed unit: a unit liaison reaches their own unit
	// through it with the unit permissions (auth.UnitPermission).
	Unit bool
	// Locate reads the record through the domain's scoped store with ctx,
	// which carries the caller's scope: it returns an error of class
	// fault.OutOfScope for a record outside it and fault.NotFound for one
	// that does not exist. It may Keep what it read for the handler.
	Locate func(ctx context.Context, id int64) error
}

// Request is what Decide is asked: who, which permission, and the record
// the path names (Place nil, or HasID false, when it names none).
type Request struct {
	Principal auth.Principal
	Perm      auth.Permission
	Place     *Place
	ID        int64
	HasID     bool
	// BeforePasswordChange marks the requests an account with an initial
	// password may make (changing it, signing out).
	BeforePasswordChange bool
}

// Decide answers whether q may go ahead. It returns the context to go on
// with (restricted to the caller's scope) or an error of a fault class:
//
//   - fault.Forbidden: an initial password still to change
//     (err.password_change_required), a permission the role lacks or an
//     area role without its area (err.forbidden), a unit permission on
//     another unit than the liaison's own;
//   - fault.OutOfScope: the record lies outside the caller's subtree; for a
//     scoped caller an unknown id is answered the same way, so an outsider
//     never learns whether it exists;
//   - fault.NotFound: an unknown id, for a caller who sees the whole tree;
//   - anything else: the store failed.
func Decide(ctx context.Context, q Request) (context.Context, error) {
	p := q.Principal
	if p.MustChangePassword && !q.BeforePasswordChange {
		return ctx, Refusal("err.password_change_required")
	}
	scope, ok := Scope(p)
	if !ok || !p.Can(q.Perm) {
		return ctx, Refusal("err.forbidden")
	}
	ctx = WithScope(ctx, scope)
	if p.Role.NeedsUnit() && auth.UnitPermission(q.Perm) {
		// A unit liaison holds the unit permissions for their own unit only.
		if q.Place == nil || !q.Place.Unit || !q.HasID || p.UnitID == 0 || q.ID != p.UnitID {
			return ctx, Refusal("err.forbidden")
		}
	}
	if q.Place == nil || !q.HasID {
		return ctx, nil
	}
	ctx = withLocated(ctx)
	err := q.Place.Locate(ctx, q.ID)
	switch {
	case err == nil:
		return ctx, nil
	case errors.Is(err, fault.OutOfScope):
		return ctx, OutOfScope()
	case errors.Is(err, fault.NotFound) && scope != 0:
		return ctx, OutOfScope() // an unknown id is in nobody's subtree
	}
	return ctx, err
}

// Refusal is a refusal of an authenticated caller, of class fault.Forbidden.
func Refusal(key string) error { return &i18n.Error{Key: key, Err: fault.Forbidden} }

// OutOfScope refuses a path target outside the caller's subtree.
func OutOfScope() error {
	return &i18n.Error{Field: "id", Key: "err.out_of_scope", Err: fault.OutOfScope}
}
