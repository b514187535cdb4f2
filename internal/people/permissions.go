package people

import "dangjian/internal/auth"

// The permissions that guard people's records.
var (
	// ReadPeople and WritePeople guard members, memberships, leadership
	// teams, elections and posts, and registrations.
	ReadPeople  = auth.Define("people.read", auth.Readers...)
	WritePeople = auth.Define("people.write", auth.Writers...)
	// ReadUnits and WriteUnits guard the list of stationed units, adding
	// one, moving and ending it.
	ReadUnits  = auth.Define("units.read", auth.Readers...)
	WriteUnits = auth.Define("units.write", auth.Writers...)
	// ReadOwnUnit and WriteOwnUnit guard a unit's own page and records (its
	// party organisation): held inside the area scope, and by a unit
	// liaison for their own unit.
	ReadOwnUnit  = auth.DefineUnit("unit.read", auth.Readers...)
	WriteOwnUnit = auth.DefineUnit("unit.write", auth.Writers...)
)
