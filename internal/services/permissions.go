package services

import "dangjian/internal/auth"

// The permissions that guard part four (b)'s records.
var (
	// ReadServices and WriteServices guard outlets, designations, service
	// records, placements and good deeds inside the area scope.
	ReadServices  = auth.Define("services.read", auth.Readers...)
	WriteServices = auth.Define("services.write", auth.Writers...)
)
