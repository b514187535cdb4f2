package db

// NullID is a reference column's value: NULL for 0 (no record).
func NullID(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}
