package db

import "strings"

// Contains is the LIKE pattern (with ESCAPE '\') of a value that holds s
// anywhere: s's own %, _ and \ match themselves.
func Contains(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}
