package web

// importRoutes lists the pages that import and export members, units and
// posts (issue 4).
func (s *Server) importRoutes() []route {
	return nil
}
