package pii

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"dangjian/internal/db"
)

// StoredData tells whether the database already depends on a key: it
// returns what was found — the key check value Init stores, or the first
// table.column ending in "_enc" (the encrypted columns' naming rule) that
// holds a value — or "" when nothing is there. A missing key file on such
// a database must not be replaced by a new key: that key could never
// decrypt what is stored.
func StoredData(ctx context.Context, q db.Q) (string, error) {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM setting WHERE name = ?", SettingKeyCheck).Scan(&n); err != nil {
		return "", fmt.Errorf("pii: read the key check value: %w", err)
	}
	if n > 0 {
		return "key check value (setting " + SettingKeyCheck + ")", nil
	}
	cols, err := encryptedColumns(ctx, q)
	if err != nil {
		return "", err
	}
	for _, c := range cols {
		var one int
		// Names come from the schema, not from input; quoted all the same.
		err := q.QueryRowContext(ctx, `SELECT 1 FROM "`+c[0]+`" WHERE "`+c[1]+`" IS NOT NULL LIMIT 1`).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("pii: look for encrypted data in %s.%s: %w", c[0], c[1], err)
		}
		return c[0] + "." + c[1], nil
	}
	return "", nil
}

// encryptedColumns lists the (table, column) pairs whose column ends in _enc.
func encryptedColumns(ctx context.Context, q db.Q) ([][2]string, error) {
	query := `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
WHERE m.type = 'table' AND p.name LIKE '%\_enc' ESCAPE '\' ORDER BY m.name, p.cid`
	if q.Dialect() == db.Postgres {
		query = `SELECT table_name, column_name FROM information_schema.columns
WHERE table_schema = current_schema() AND column_name LIKE '%\_enc' ESCAPE '\' ORDER BY table_name, ordinal_position`
	}
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("pii: list encrypted columns: %w", err)
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var c [2]string
		if err := rows.Scan(&c[0], &c[1]); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
