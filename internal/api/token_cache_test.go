package api_test

import (
	"context"
	"dangjian/internal/api"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

// TestTokenCache: a token is looked up once per api.TokenCacheTTL. A revoked
// token keeps working in this process until its entry expires, or until
// ForgetTokens; a bad token is never cached.
func TestTokenCache(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		now := time.Now()
		api.SetTokenClock(f.h, func() time.Time { return now })
		get := func(as string) int { return f.do(t, as, "", "GET", "/api/v1/areas", "").Code }
		if c := get("hedong"); c != http.StatusOK {
			t.Fatalf("first use: %d", c)
		}
		p, err := f.App.Auth.TokenPrincipal(ctx, strings.TrimPrefix(f.Bearer("hedong"), "Bearer "))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.App.Auth.RevokeToken(ctx, p.TokenID); err != nil {
			t.Fatal(err)
		}
		now = now.Add(api.TokenCacheTTL - time.Millisecond)
		if c := get("hedong"); c != http.StatusOK {
			t.Errorf("within the TTL the cached token still works: %d", c)
		}
		now = now.Add(time.Millisecond)
		if c := get("hedong"); c != http.StatusUnauthorized {
			t.Errorf("after the TTL the revoked token is refused: %d", c)
		}

		// ForgetTokens makes a revocation immediate.
		if c := get("district"); c != http.StatusOK {
			t.Fatalf("district: %d", c)
		}
		p, err = f.App.Auth.TokenPrincipal(ctx, strings.TrimPrefix(f.Bearer("district"), "Bearer "))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.App.Auth.RevokeToken(ctx, p.TokenID); err != nil {
			t.Fatal(err)
		}
		f.h.ForgetTokens()
		if c := get("district"); c != http.StatusUnauthorized {
			t.Errorf("after ForgetTokens the revoked token is refused: %d", c)
		}
		// Refused tokens leave nothing behind.
		before := api.CachedTokens(f.h)
		f.do(t, nobody, "Bearer dj_"+strings.Repeat("C", 43), "GET", "/api/v1/areas", "")
		f.do(t, "revoked", "", "GET", "/api/v1/areas", "")
		if after := api.CachedTokens(f.h); after != before {
			t.Errorf("refused tokens were cached: %d entries, was %d", after, before)
		}
	})
}

// TestTokenRevokedDuringLookupIsNotCached: when a token is revoked and
// ForgetTokens empties the cache while a request is between its database
// lookup and storing what it read, the request does not put the revoked
// token back: the next request with it is refused at once, as a revoke
// through this process promises ("emptied at once", docs/security.md).
// The interleaving is forced through the auth store's clock, which
// TokenPrincipal reads after its database lookup.
func TestTokenRevokedDuringLookupIsNotCached(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		f := newFixture(t, d)
		secret := strings.TrimPrefix(f.Bearer("hedong"), "Bearer ")
		p, err := f.App.Auth.TokenPrincipal(ctx, secret)
		if err != nil {
			t.Fatal(err)
		}
		var once atomic.Bool
		f.App.Auth.Now = func() time.Time {
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
