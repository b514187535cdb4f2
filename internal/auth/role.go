// Package auth keeps accounts, their roles and scopes, sign-in with lockout,
// server-side sessions and API tokens.
package auth

// Role is what an account may do; its scope (an area subtree, or for a unit
// liaison a stationed unit) says where.
type Role string

// The roles of issue 3. Admin does everything; district, subdistrict and
// community officers read and write inside their area's subtree; unit
// liaisons work on their unit's records; viewers read inside their subtree;
// auditors read the audit trail.
const (
	Admin       Role = "admin"
	District    Role = "district"
	Subdistrict Role = "subdistrict"
	Community   Role = "community"
	Unit        Role = "unit"
	Viewer      Role = "viewer"
	Auditor     Role = "auditor"
)

// Roles lists every role in the order a form offers them.
var Roles = []Role{Admin, District, Subdistrict, Community, Unit, Viewer, Auditor}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// NeedsArea reports whether an account of this role must be scoped to an
// area. Admins and auditors see the whole tree; a unit liaison is scoped to
// a unit instead (NeedsUnit).
func (r Role) NeedsArea() bool {
	switch r {
	case District, Subdistrict, Community, Viewer:
		return true
	}
	return false
}

// NeedsUnit reports whether an account of this role must be scoped to a
// stationed unit: the unit liaison.
func (r Role) NeedsUnit() bool { return r == Unit }

// Permission is one kind of access a route asks for, named for what it
// guards. A package that guards something defines its permissions with
// Define or DefineUnit; the grants live beside the definition.
type Permission string

// Readers are the roles that read inside their scope; Writers also change.
var (
	Readers = []Role{Admin, District, Subdistrict, Community, Viewer}
	Writers = []Role{Admin, District, Subdistrict, Community}
)

// The permissions of accounts and of the tree itself.
var (
	OwnAccount  = Define("account.own", Roles...) // change one's own password, sign out, own tokens
	ReadAudit   = Define("audit.read", Admin, Auditor)
	ManageUsers = Define("users.manage", Admin)
	// RevealPII is also granted per account, not per role alone: see
	// Principal.Can.
	RevealPII  = Define("pii.reveal", Writers...)
	ReadAreas  = Define("areas.read", Readers...)  // the tree, areas and their party organisations
	WriteAreas = Define("areas.write", Writers...) // area and party-organisation events
)

// grant is who holds a permission.
type grant struct {
	roles map[Role]bool
	// unit: a unit liaison holds it for their own stationed unit only.
	unit bool
}

var grants = map[Permission]grant{}

// Define names a permission and the roles that hold it. It is called when a
// package initialises; a name defined twice is a programming error.
func Define(name string, roles ...Role) Permission { return define(name, false, roles) }

// DefineUnit names a permission on a stationed unit's own records, held by
// roles inside their area scope and by a unit liaison for their own unit
// only (the access policy checks the unit in the path).
func DefineUnit(name string, roles ...Role) Permission {
	return define(name, true, append(append([]Role{}, roles...), Unit))
}

func define(name string, unit bool, roles []Role) Permission {
	p := Permission(name)
	if _, dup := grants[p]; dup || name == "" {
		panic("auth: permission defined twice or unnamed: " + name)
	}
	g := grant{roles: map[Role]bool{}, unit: unit}
	for _, r := range roles {
		g.roles[r] = true
	}
	grants[p] = g
	return p
}

// UnitPermission reports whether p was defined with DefineUnit.
func UnitPermission(p Permission) bool { return grants[p].unit }

// Permissions lists every defined permission, for tests.
func Permissions() []Permission {
	out := make([]Permission, 0, len(grants))
	for p := range grants {
		out = append(out, p)
	}
	return out
}

// Allows reports whether the role grants p. RevealPII also needs the
// account's own flag, see Principal.Can.
func (r Role) Allows(p Permission) bool { return grants[p].roles[r] }
