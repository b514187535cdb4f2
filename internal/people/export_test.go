package people

// SetMaxPageOrgs lets tests force the large-scope plan of ListMembers.
func SetMaxPageOrgs(n int) (restore func()) {
	old := maxPageOrgs
	maxPageOrgs = n
	return func() { maxPageOrgs = old }
}
