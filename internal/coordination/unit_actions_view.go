package coordination

import "context"

// UnitName is the name of a stationed unit of the scope, for the pages of
// its actions.
func (s *Store) UnitName(ctx context.Context, unitID int64) (string, error) {
	q := s.DB.Reader()
	if err := s.unitInScope(ctx, q, unitID); err != nil {
		return "", err
	}
	var name string
	err := q.QueryRowContext(ctx, "SELECT name FROM unit WHERE id = ?", unitID).Scan(&name)
	return name, err
}
