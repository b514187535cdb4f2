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

// Permission is one kind of access a route asks for.
type Permission string

// Permissions a route can require.
const (
	ReadAreas   Permission = "areas.read"  // the tree, areas, party orgs, figures, speech
	WriteAreas  Permission = "areas.write" // area and party-org events
	ReadAudit   Permission = "audit.read"  // the audit trail and its export
	ManageUsers Permission = "users.manage"
	RevealPII   Permission = "pii.reveal"  // granted per account, not per role
	OwnAccount  Permission = "account.own" // change one's own password, sign out
	// ReadUnit and WriteUnit are a stationed unit's page and its own records
	// (its party organisation): granted with ReadAreas and WriteAreas inside
	// the area scope, and to a unit liaison for their own unit only, which
	// the route checks against the unit in its path.
	ReadUnit  Permission = "unit.read"
	WriteUnit Permission = "unit.write"
)

// Allows reports whether the role grants p. RevealPII also needs the
// account's own flag, see Principal.Can.
func (r Role) Allows(p Permission) bool {
	switch p {
	case OwnAccount:
		return r.Valid()
	case ReadAreas:
		return r != Auditor && r != Unit && r.Valid()
	case ReadUnit:
		return r != Auditor && r.Valid()
	case WriteUnit:
		return r == Admin || r == District || r == Subdistrict || r == Community || r == Unit
	case WriteAreas:
		return r == Admin || r == District || r == Subdistrict || r == Community
	case ReadAudit:
		return r == Admin || r == Auditor
	case ManageUsers:
		return r == Admin
	case RevealPII:
		return r == Admin || r == District || r == Subdistrict || r == Community
	}
	return false
}
