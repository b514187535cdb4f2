package web

import (
	"dangjian/internal/auth"
	"dangjian/internal/people"
)

// peopleRoutes lists the pages of members, stationed units, leadership
// teams, elections and registrations (issue 4). A person or unit in the
// path is checked against the user's scope before the handler runs; the
// "new" forms are GET and POST patterns of their own, so they do not
// conflict with "GET /members/{id}". A unit's page and its own party
// organisation need the unit permissions, which a unit liaison holds for
// their own unit only (see ownUnit).
func (s *Server) peopleRoutes() []route {
	return []route{
		{"GET /members", people.ReadPeople, nil, s.memberList},
		{"GET /members/new", people.WritePeople, nil, s.memberCreate},
		{"POST /members/new", people.WritePeople, nil, s.memberCreate},
		{"GET /members/{id}", people.ReadPeople, s.personPlace, s.memberShow},
		{"POST /members/{id}/reveal", auth.RevealPII, s.personPlace, s.memberReveal},
		{"/members/{id}/start", people.WritePeople, s.personPlace, s.memberStart},
		{"/members/{id}/transfer", people.WritePeople, s.personPlace, s.memberTransfer},
		{"/members/{id}/end", people.WritePeople, s.personPlace, s.memberEnd},
		{"/members/{id}/convert", people.WritePeople, s.personPlace, s.memberConvert},

		{"GET /units", people.ReadUnits, nil, s.unitList},
		{"GET /units/new", people.WriteUnits, nil, s.unitCreate},
		{"POST /units/new", people.WriteUnits, nil, s.unitCreate},
		{"GET /units/{id}", people.ReadOwnUnit, s.unitPlace, s.unitShow},
		{"/units/{id}/move", people.WriteUnits, s.unitPlace, s.unitMove},
		{"/units/{id}/end", people.WriteUnits, s.unitPlace, s.unitEnd},
		{"/units/{id}/party-org/new", people.WriteOwnUnit, s.unitPlace, s.unitOrgCreate},

		{"GET /party-orgs/{id}/leadership", people.ReadPeople, s.peopleOrgPlace, s.leadershipShow},
		{"/party-orgs/{id}/elections/new", people.WritePeople, s.peopleOrgPlace, s.electionCreate},

		{"GET /areas/{id}/registrations", people.ReadPeople, s.areaPlace, s.registrationList},
		{"/areas/{id}/registrations/new", people.WritePeople, s.areaPlace, s.registrationCreate},
		{"/areas/{id}/registrations/end", people.WritePeople, s.areaPlace, s.registrationEnd},
	}
}
