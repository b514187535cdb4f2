package access

import (
	"context"
	"testing"

	"dangjian/internal/auth"
)

// TestKeptIsWhatLocateRead: the handler gets back what the access check's
// Locate kept, for that id and type only, and nothing when Locate kept
// nothing or no access check ran.
func TestKeptIsWhatLocateRead(t *testing.T) {
	type thing struct{ Name string }
	keeping := &Place{Name: "thing", Locate: func(ctx context.Context, id int64) error {
		Keep(ctx, id, thing{Name: "甲"})
		return nil
	}}
	silent := &Place{Name: "thing", Locate: func(context.Context, int64) error { return nil }}
	admin := principal(auth.Account{Role: auth.Admin})
	for _, tc := range []struct {
		name   string
		place  *Place
		askID  int64
		wantOK bool
	}{
		{"kept, same id", keeping, 7, true},
		{"kept, another id", keeping, 8, false},
		{"nothing kept", silent, 7, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, err := Decide(context.Background(), Request{Principal: admin, Perm: auth.ReadAreas, Place: tc.place, ID: 7, HasID: true})
			if err != nil {
				t.Fatal(err)
			}
			got, ok := Kept[thing](ctx, tc.askID)
			if ok != tc.wantOK || (ok && got.Name != "甲") {
				t.Errorf("Kept = %v, %v; want ok %v", got, ok, tc.wantOK)
			}
			if _, ok := Kept[string](ctx, 7); ok {
				t.Error("Kept answered for another type")
			}
		})
	}
	if _, ok := Kept[thing](context.Background(), 7); ok {
		t.Error("Kept answered without an access check")
	}
	Keep(context.Background(), 7, thing{}) // outside Decide: nothing to do, no panic
}
