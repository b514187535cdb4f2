package web

// peopleRoutes lists the pages of members, stationed units, leadership
// teams, elections and registrations (issue 4).
func (s *Server) peopleRoutes() []route {
	return nil
}
