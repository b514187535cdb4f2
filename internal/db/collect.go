package db

import "database/sql"

// Collect scans every row of rows with scan and closes rows; the usual
// "for rows.Next() { scan; append }; rows.Err()" loop in one call.
func Collect[T any](rows *sql.Rows, scan func(*sql.Rows) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
