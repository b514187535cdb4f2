package coordination

import "dangjian/internal/auth"

// The permissions that guard part two's records: conferences, their
// sessions and actions, whistles and campaigns.
var (
	ReadCoordination  = auth.Define("coordination.read", auth.Readers...)
	WriteCoordination = auth.Define("coordination.write", auth.Writers...)
	// ReadUnitActions and WriteUnitActions guard the actions a stationed
	// unit owns, reached through the unit (/units/{id}/actions): held inside
	// the area scope, and by a unit liaison for their own unit.
	ReadUnitActions  = auth.DefineUnit("unit_actions.read", auth.Readers...)
	WriteUnitActions = auth.DefineUnit("unit_actions.write", auth.Writers...)
)
