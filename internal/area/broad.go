package area

import "context"

// Broad reports whether the subtree under id (0: the whole tree) spans
// more than a subdistrict: a list of the first few records of such a
// subtree in some order is best walked in that order over the whole table,
// each row's area checked against the subtree, where a subdistrict's or a
// community's reads its few areas' records and sorts them. The caller has
// checked id against its scope.
func (s *Store) Broad(ctx context.Context, id int64) (bool, error) {
	if id == 0 {
		return true, nil
	}
	a, err := getArea(ctx, s.DB.Reader(), id)
	if err != nil {
		return false, err
	}
	return a.Level != Subdistrict && a.Level != Community, nil
}
