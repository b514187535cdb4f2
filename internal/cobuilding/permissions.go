package cobuilding

import "dangjian/internal/auth"

// The permissions that guard part four (a)'s records.
var (
	// ReadCobuilding and WriteCobuilding guard demands, resources and
	// projects inside the area scope; turning a demand into a project is a
	// write.
	ReadCobuilding  = auth.Define("cobuilding.read", auth.Readers...)
	WriteCobuilding = auth.Define("cobuilding.write", auth.Writers...)
	// ReadUnitResources and WriteUnitResources guard a stationed unit's own
	// resources and its record of co-building, reached through the unit
	// (/units/{id}/resources): held inside the area scope, and by a unit
	// liaison for their own unit.
	ReadUnitResources  = auth.DefineUnit("unit_resources.read", auth.Readers...)
	WriteUnitResources = auth.DefineUnit("unit_resources.write", auth.Writers...)
)
