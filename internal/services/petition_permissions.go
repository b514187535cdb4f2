package services

import "dangjian/internal/auth"

// The permissions that guard the petitions: reading the cases, their
// requests (phones masked), the rates and the Open311 view; recording a
// request and every step of a case.
var (
	ReadPetitions  = auth.Define("petitions.read", auth.Readers...)
	WritePetitions = auth.Define("petitions.write", auth.Writers...)
)
