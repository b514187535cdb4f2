package premises

import "dangjian/internal/auth"

// The permissions that guard part three's records: premises and rooms,
// office funding, land, building projects, standards and households.
var (
	ReadPremises  = auth.Define("premises.read", auth.Readers...)
	WritePremises = auth.Define("premises.write", auth.Writers...)
)
