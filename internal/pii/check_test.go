package pii

import (
	"context"
	"errors"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

func TestKeyCheck(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		right, wrong := testKeyring(t, 1), testKeyring(t, 2)

		if err := right.Check(ctx, d.Reader()); !errors.Is(err, ErrNoKeyCheck) {
			t.Fatalf("Check on a new database = %v, want ErrNoKeyCheck", err)
		}
		if err := right.Init(ctx, d.Writer()); err != nil {
			t.Fatalf("first Init: %v", err)
		}
		var stored string
		if err := d.Reader().QueryRowContext(ctx, "SELECT value FROM setting WHERE name = ?", SettingKeyCheck).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if stored != goldenCheck {
			t.Fatalf("stored key check %q, want %q", stored, goldenCheck)
		}

		tests := []struct {
			name string
			run  func() error
			want error
		}{
			{"right key, Check", func() error { return right.Check(ctx, d.Reader()) }, nil},
			{"right key, Init again", func() error { return right.Init(ctx, d.Writer()) }, nil},
			{"right key, Init in a transaction", func() error {
				return d.Tx(ctx, func(tx db.Q) error { return right.Init(ctx, tx) })
			}, nil},
			{"wrong key, Check", func() error { return wrong.Check(ctx, d.Reader()) }, ErrKeyMismatch},
			{"wrong key, Init", func() error { return wrong.Init(ctx, d.Writer()) }, ErrKeyMismatch},
			{"right key still accepted", func() error { return right.Check(ctx, d.Reader()) }, nil},
		}
		for _, tt := range tests {
			if err := tt.run(); !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("%s: err = %v, want %v", tt.name, err, tt.want)
			}
		}

		// A stored value of an unknown version is not taken for a match.
		if _, err := d.Writer().ExecContext(ctx, "UPDATE setting SET value = ? WHERE name = ?", "v9:abc", SettingKeyCheck); err != nil {
			t.Fatal(err)
		}
		if err := right.Init(ctx, d.Writer()); !errors.Is(err, ErrKeyMismatch) {
			t.Fatalf("unknown version: err = %v, want ErrKeyMismatch", err)
		}
	})
}

func TestKeyMismatchMessage(t *testing.T) {
	const want = "pii: the encryption key does not match this database: was it started with another --key-file or DANGJIAN_KEY?"
	if ErrKeyMismatch.Error() != want {
		t.Fatalf("message %q", ErrKeyMismatch)
	}
}
