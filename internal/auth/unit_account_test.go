package auth_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
)

// TestUnitAccount checks the unit liaison's scope: an active unit, never an
// area, and no unit for any other role.
func TestUnitAccount(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		s, _, root := newStore(t, d)
		as := area.NewStore(d)
		as.Today = func() date.Date { return date.MustParse("2025-03-01") }
		on := date.MustParse("2020-01-01")
		sub, err := as.Create(ctx, area.CreateInput{ParentID: root, Level: area.Subdistrict, Name: "测试街道", On: on})
		if err != nil {
			t.Fatal(err)
		}
		com, err := as.Create(ctx, area.CreateInput{ParentID: sub, Level: area.Community, Name: "测试社区", On: on})
		if err != nil {
			t.Fatal(err)
		}
		ps := people.NewStore(d, as, nil)
		ps.Today = as.Today
		unit := func(name string) int64 {
			id, err := ps.CreateUnit(ctx, people.UnitInput{Name: name, Kind: people.StateEnterprise, Rank: people.NoRank, AreaID: com, On: on})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		active, ended := unit("在册单位"), unit("撤销单位")
		if err := ps.EndUnit(ctx, people.EndUnitInput{UnitID: ended, On: date.MustParse("2024-01-01")}); err != nil {
			t.Fatal(err)
		}

		a, _, err := s.Create(ctx, auth.NewAccount{Username: "liaison", Role: auth.Unit, UnitID: active, AreaID: com})
		if err != nil {
			t.Fatal(err)
		}
		if a.UnitID != active || a.AreaID != 0 || a.Role != auth.Unit {
			t.Errorf("unit account = %+v, want unit %d and no area", a, active)
		}
		if got, err := s.ByUsername(ctx, "liaison"); err != nil || got.UnitID != active {
			t.Errorf("read back: %+v %v", got, err)
		}
		if v, _, err := s.Create(ctx, auth.NewAccount{Username: "viewer", Role: auth.Viewer, AreaID: com}); err != nil || v.UnitID != 0 {
			t.Errorf("viewer: %+v %v", v, err)
		}
		cases := []struct {
			in  auth.NewAccount
			key string
		}{
			{auth.NewAccount{Username: "u1", Role: auth.Unit}, "err.role_needs_unit"},
			{auth.NewAccount{Username: "u2", Role: auth.Unit, AreaID: com}, "err.role_needs_unit"},
			{auth.NewAccount{Username: "u3", Role: auth.Unit, UnitID: 99999}, "err.unit_account_not_found"},
			{auth.NewAccount{Username: "u4", Role: auth.Unit, UnitID: ended}, "err.unit_account_not_found"},
			{auth.NewAccount{Username: "u5", Role: auth.Community, AreaID: com, UnitID: active}, "err.role_no_unit"},
			{auth.NewAccount{Username: "u6", Role: auth.Admin, UnitID: active}, "err.role_no_unit"},
			{auth.NewAccount{Username: "u7", Role: auth.Unit, UnitID: active, CanReveal: true}, "err.role_cannot_reveal"},
		}
		for _, c := range cases {
			_, _, err := s.Create(ctx, c.in)
			var ie *i18n.Error
			if !errors.As(err, &ie) || ie.Key != c.key {
				t.Errorf("%+v: %v, want %s", c.in, err, c.key)
			}
			if i18n.T(i18n.EN, c.key) == c.key || i18n.T(i18n.ZH, c.key) == c.key {
				t.Errorf("%s has no message", c.key)
			}
		}

		// The scope reaches the principal of a session and of a token.
		_, secret, err := s.CreateToken(ctx, a.ID, "t", 24*time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.TokenPrincipal(ctx, secret)
		if err != nil || p.UnitID != active {
			t.Errorf("token principal: %+v %v", p, err)
		}
	})
}

// TestUnitPermissions: the unit liaison reads and writes their unit only,
// and nothing of the area tree.
func TestUnitPermissions(t *testing.T) {
	unitRead := auth.DefineUnit("test.unit.read", auth.Readers...)
	unitWrite := auth.DefineUnit("test.unit.write", auth.Writers...)
	if !auth.UnitPermission(unitRead) || auth.UnitPermission(auth.ReadAreas) {
		t.Errorf("UnitPermission: %v for a unit permission, %v for areas.read", auth.UnitPermission(unitRead), auth.UnitPermission(auth.ReadAreas))
	}
	for _, r := range auth.Roles {
		if r.NeedsUnit() != (r == auth.Unit) || (r == auth.Unit && r.NeedsArea()) {
			t.Errorf("%s: NeedsUnit %v NeedsArea %v", r, r.NeedsUnit(), r.NeedsArea())
		}
		wantRead := r != auth.Auditor
		wantWrite := r == auth.Admin || r == auth.District || r == auth.Subdistrict || r == auth.Community || r == auth.Unit
		if r.Allows(unitRead) != wantRead || r.Allows(unitWrite) != wantWrite {
			t.Errorf("%s: unit.read %v unit.write %v", r, r.Allows(unitRead), r.Allows(unitWrite))
		}
	}
	for _, p := range []auth.Permission{auth.ReadAreas, auth.WriteAreas, auth.ReadAudit, auth.ManageUsers, auth.RevealPII} {
		if auth.Unit.Allows(p) {
			t.Errorf("unit allows %s", p)
		}
	}
}
