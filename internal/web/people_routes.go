package web

import "dangjian/internal/auth"

// peopleRoutes lists the pages of members, stationed units, leadership
// teams, elections and registrations (issue 4). A person or unit in the
// path is checked against the user's scope before the handler runs; the
// "new" forms are GET and POST patterns of their own, so they do not
// conflict with "GET /members/{id}". A unit's page and its own party
// organisation need the unit permissions, which a unit liaison holds for
// their own unit only (see ownUnit).
func (s *Server) peopleRoutes() []route {
	return []route{
		{"GET /members", auth.ReadAreas, noTarget, s.memberList},
		{"GET /members/new", auth.WriteAreas, noTarget, s.memberCreate},
		{"POST /members/new", auth.WriteAreas, noTarget, s.memberCreate},
		{"GET /members/{id}", auth.ReadAreas, personTarget, s.memberShow},
		{"POST /members/{id}/reveal", auth.RevealPII, personTarget, s.memberReveal},
		{"/members/{id}/start", auth.WriteAreas, personTarget, s.memberStart},
		{"/members/{id}/transfer", auth.WriteAreas, personTarget, s.memberTransfer},
		{"/members/{id}/end", auth.WriteAreas, personTarget, s.memberEnd},
		{"/members/{id}/convert", auth.WriteAreas, personTarget, s.memberConvert},

		{"GET /units", auth.ReadAreas, noTarget, s.unitList},
		{"GET /units/new", auth.WriteAreas, noTarget, s.unitCreate},
		{"POST /units/new", auth.WriteAreas, noTarget, s.unitCreate},
		{"GET /units/{id}", auth.ReadUnit, unitTarget, s.unitShow},
		{"/units/{id}/move", auth.WriteAreas, unitTarget, s.unitMove},
		{"/units/{id}/end", auth.WriteAreas, unitTarget, s.unitEnd},
		{"/units/{id}/party-org/new", auth.WriteUnit, unitTarget, s.unitOrgCreate},

		{"GET /party-orgs/{id}/leadership", auth.ReadAreas, peopleOrgTarget, s.leadershipShow},
		{"/party-orgs/{id}/elections/new", auth.WriteAreas, peopleOrgTarget, s.electionCreate},

		{"GET /areas/{id}/registrations", auth.ReadAreas, areaTarget, s.registrationList},
		{"/areas/{id}/registrations/new", auth.WriteAreas, areaTarget, s.registrationCreate},
		{"/areas/{id}/registrations/end", auth.WriteAreas, areaTarget, s.registrationEnd},
	}
}
