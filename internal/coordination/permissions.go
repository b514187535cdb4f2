package coordination

import "dangjian/internal/auth"

// The permissions that guard part two's records: conferences, their
// sessions and actions, whistles and campaigns.
var (
	ReadCoordination  = auth.Define("coordination.read", auth.Readers...)
	WriteCoordination = auth.Define("coordination.write", auth.Writers...)
)
