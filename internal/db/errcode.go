package db

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// pgUniqueViolation is PostgreSQL's SQLSTATE for a unique constraint.
const pgUniqueViolation = "23505"

// IsUniqueViolation reports whether err is a driver's refusal of a row that
// duplicates a unique key or primary key: SQLite's extended result codes
// SQLITE_CONSTRAINT_UNIQUE and _PRIMARYKEY, PostgreSQL's SQLSTATE 23505.
// It reads the codes, never the messages, which change with versions and
// locales.
func IsUniqueViolation(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return true
		}
		return false
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == pgUniqueViolation
}
