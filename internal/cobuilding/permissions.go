package cobuilding

import "dangjian/internal/auth"

// The permissions that guard part four (a)'s records.
var (
	// ReadCobuilding and WriteCobuilding guard demands, resources and
	// projects inside the area scope; turning a demand into a project is a
	// write.
	ReadCobuilding  = auth.Define("cobuilding.read", auth.Readers...)
	WriteCobuilding = auth.Define("cobuilding.write", auth.Writers...)
	// ReadUnitResources guards a stationed unit's record of co-building
	// (its resources, what it gave), reached through the unit
	// (/units/{id}/co-building): held inside the area scope, and by a unit
	// liaison for their own unit.
	ReadUnitResources = auth.DefineUnit("unit_resources.read", auth.Readers...)
	// WriteUnitResources guards recording what a unit offers through the
	// unit (/units/{id}/resources/new): a unit liaison keeps their own
	// unit's resources.
	WriteUnitResources = auth.DefineUnit("unit_resources.write", auth.Writers...)
)
