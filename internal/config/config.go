// Package config holds settings read from flags and DANGJIAN_* variables.
// It is passed where needed, never global.
package config

import "dangjian/internal/db"

// DefaultDB is the database URL when --db is not given: $DANGJIAN_DB, then
// the embedded SQLite file.
func DefaultDB(getenv func(string) string) string {
	if v := getenv("DANGJIAN_DB"); v != "" {
		return v
	}
	return db.DefaultURL
}

// DefaultAddr is where serve listens unless --addr says otherwise.
const DefaultAddr = "127.0.0.1:8080"
