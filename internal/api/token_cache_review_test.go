package api

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestReviewForgetDuringLookupIsNotUndone: a request looks its token up
// (valid), an administrator revokes the token and ForgetTokens empties the
// cache, and only then does the request store what it read. The cache now
// serves the revoked token for another TokenCacheTTL, although the revoke
// went through this very process ("emptied at once", docs/security.md).
// The interleaving is forced through the auth store's clock, which
// TokenPrincipal reads after its database lookup.
func TestReviewForgetDuringLookupIsNotUndone(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		secret := strings.TrimPrefix(f.bearer(t, "hedong"), "Bearer ")
		p, err := f.auth.TokenPrincipal(ctx, secret)
		if err != nil {
			t.Fatal(err)
		}
		var once atomic.Bool
		f.auth.Now = func() time.Time {
			if once.CompareAndSwap(false, true) {
				// Between the lookup and the cache's store: revoke and forget,
				// as the web page does.
				if _, err := d.Writer().ExecContext(ctx, "UPDATE api_token SET revoked_at = ? WHERE id = ?", time.Now().Unix(), p.TokenID); err != nil {
					t.Error(err)
				}
				f.h.ForgetTokens()
			}
			return time.Now()
		}
		if c := f.do(t, "hedong", "", "GET", "/api/v1/areas", "").Code; c != http.StatusOK {
			t.Fatalf("in-flight request: %d", c)
		}
		if !once.Load() {
			t.Fatal("the token was not looked up (already cached?)")
		}
		if c := f.do(t, "hedong", "", "GET", "/api/v1/areas", "").Code; c != http.StatusUnauthorized {
			t.Errorf("a token revoked and forgotten in this process still works: %d, want 401", c)
		}
	})
}
