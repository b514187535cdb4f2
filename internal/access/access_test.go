package access

import (
	"context"
	"errors"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

var (
	testRead     = auth.Define("test.read", auth.Readers...)
	testWrite    = auth.Define("test.write", auth.Writers...)
	testUnitRead = auth.DefineUnit("test.unit.read", auth.Readers...)
)

// fakePlace places ids 1–9 under area 10 and ids 11–19 under area 20; any
// other id does not exist.
func fakePlace(unit bool) *Place {
	return &Place{Name: "thing", Unit: unit, Locate: func(ctx context.Context, id int64) error {
		if id < 1 || id > 19 || id == 10 {
			return &i18n.Error{Key: "err.not_found", Err: fault.NotFound}
		}
		under := int64(10)
		if id > 10 {
			under = 20
		}
		if sc := ScopeFrom(ctx); sc != 0 && sc != under {
			return &i18n.Error{Key: "err.out_of_scope", Err: fault.OutOfScope}
		}
		return nil
	}}
}

func TestDecide(t *testing.T) {
	admin := principal(auth.Account{Role: auth.Admin})
	district := principal(auth.Account{Role: auth.District, AreaID: 10})
	viewer := principal(auth.Account{Role: auth.Viewer, AreaID: 10})
	noArea := principal(auth.Account{Role: auth.Community})
	liaison := principal(auth.Account{Role: auth.Unit, UnitID: 3})
	fresh := principal(auth.Account{Role: auth.Admin, MustChangePassword: true})
	place, unit := fakePlace(false), fakePlace(true)
	cases := []struct {
		name  string
		q     Request
		want  error // nil, or the class the answer must have
		key   string
		scope int64
	}{
		{"admin reads anywhere", Request{Principal: admin, Perm: testRead, Place: place, ID: 12, HasID: true}, nil, "", 0},
		{"admin, unknown id: not found", Request{Principal: admin, Perm: testRead, Place: place, ID: 99, HasID: true}, fault.NotFound, "err.not_found", 0},
		{"scoped inside", Request{Principal: district, Perm: testWrite, Place: place, ID: 2, HasID: true}, nil, "", 10},
		{"scoped outside", Request{Principal: district, Perm: testWrite, Place: place, ID: 12, HasID: true}, fault.OutOfScope, "err.out_of_scope", 10},
		{"scoped, unknown id: out of scope", Request{Principal: district, Perm: testRead, Place: place, ID: 99, HasID: true}, fault.OutOfScope, "err.out_of_scope", 10},
		{"no id in the path", Request{Principal: district, Perm: testRead}, nil, "", 10},
		{"a bad id is the handler's", Request{Principal: district, Perm: testRead, Place: place}, nil, "", 10},
		{"viewer may not write", Request{Principal: viewer, Perm: testWrite, Place: place, ID: 2, HasID: true}, fault.Forbidden, "err.forbidden", 0},
		{"area role without its area", Request{Principal: noArea, Perm: testRead}, fault.Forbidden, "err.forbidden", 0},
		{"initial password first", Request{Principal: fresh, Perm: testRead}, fault.Forbidden, "err.password_change_required", 0},
		{"initial password: changing it", Request{Principal: fresh, Perm: auth.OwnAccount, BeforePasswordChange: true}, nil, "", 0},
		{"liaison, own unit", Request{Principal: liaison, Perm: testUnitRead, Place: unit, ID: 3, HasID: true}, nil, "", 0},
		{"liaison, another unit", Request{Principal: liaison, Perm: testUnitRead, Place: unit, ID: 4, HasID: true}, fault.Forbidden, "err.forbidden", 0},
		{"liaison, a unit permission without a unit", Request{Principal: liaison, Perm: testUnitRead}, fault.Forbidden, "err.forbidden", 0},
		{"liaison, a unit permission on another place", Request{Principal: liaison, Perm: testUnitRead, Place: place, ID: 3, HasID: true}, fault.Forbidden, "err.forbidden", 0},
		{"liaison, an area permission", Request{Principal: liaison, Perm: testRead}, fault.Forbidden, "err.forbidden", 0},
		{"scoped reader, own unit permission by area", Request{Principal: viewer, Perm: testUnitRead, Place: unit, ID: 4, HasID: true}, nil, "", 10},
	}
	for _, c := range cases {
		ctx, err := Decide(context.Background(), c.q)
		switch {
		case c.want == nil && err != nil:
			t.Errorf("%s: %v, want allowed", c.name, err)
		case c.want != nil && !errors.Is(err, c.want):
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		case c.want != nil:
			var e *i18n.Error
			if !errors.As(err, &e) || e.Key != c.key {
				t.Errorf("%s: %v, want the message %s", c.name, err, c.key)
			}
		}
		if c.want == nil && ScopeFrom(ctx) != c.scope {
			t.Errorf("%s: scope %d, want %d", c.name, ScopeFrom(ctx), c.scope)
		}
	}
}

func TestLocateFailureIsPassedOn(t *testing.T) {
	boom := errors.New("disk on fire")
	pl := &Place{Name: "x", Locate: func(context.Context, int64) error { return boom }}
	_, err := Decide(context.Background(), Request{Principal: principal(auth.Account{Role: auth.Admin}), Perm: auth.ReadAreas, Place: pl, ID: 1, HasID: true})
	if !errors.Is(err, boom) || errors.Is(err, fault.Forbidden) {
		t.Errorf("got %v, want the store's error", err)
	}
}

// principal is a signed-in account (id 1) of a.
func principal(a auth.Account) auth.Principal {
	a.ID = 1
	return auth.Principal{Account: a}
}
