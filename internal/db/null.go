package db

// NullID is a reference column's value: NULL for 0 (no record).
func NullID(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

// Null is a column's value: NULL for the zero value of its type (0, "",
// a zero date), else v, as the stores write optional values.
func Null[T comparable](v T) any {
	if z, ok := any(v).(interface{ IsZero() bool }); ok {
		if z.IsZero() {
			return nil
		}
		return v
	}
	var zero T
	if v == zero {
		return nil
	}
	return v
}
