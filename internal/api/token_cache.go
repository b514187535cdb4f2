package api

import (
	"context"
	"crypto/sha256"
	"sync"
	"time"

	"dangjian/internal/auth"
)

// TokenCacheTTL is how long the API trusts a token it has looked up without
// asking the database again. It bounds how late a revocation, an expiry, a
// disabled account or a changed role or area takes effect in this process:
// at most this long after the change (Handler.ForgetTokens makes it
// immediate for changes made through this process). Failed lookups are
// never cached, so a new token works at once.
const TokenCacheTTL = 5 * time.Second

// maxCachedTokens bounds the cache's memory; only valid tokens are cached,
// so it is reached only with that many tokens in use within one TTL.
const maxCachedTokens = 10000

// tokenCache remembers the principal of each recently used API token,
// keyed by the token's SHA-256 (the secret itself is not kept). The zero
// value is ready to use.
type tokenCache struct {
	mu      sync.RWMutex
	entries map[[sha256.Size]byte]cachedToken
	now     func() time.Time // time.Now when nil; tests move it
	// gen counts forgets. A lookup that started before a forget must not
	// store what it read after it, or a revoke could be undone.
	gen uint64
}

type cachedToken struct {
	p     auth.Principal
	until time.Time
}

func (c *tokenCache) clock() time.Time {
	if c.now != nil {
		return c.now()
	}
	return time.Now()
}

// principal returns the cached principal of token, or looks it up with s
// and caches it for TokenCacheTTL.
func (c *tokenCache) principal(ctx context.Context, s *auth.Store, token string) (auth.Principal, error) {
	key := sha256.Sum256([]byte(token))
	now := c.clock()
	c.mu.RLock()
	e, ok := c.entries[key]
	gen := c.gen
	c.mu.RUnlock()
	if ok && now.Before(e.until) {
		return e.p, nil
	}
	p, err := s.TokenPrincipal(ctx, token)
	if err != nil {
		if ok {
			c.mu.Lock()
			delete(c.entries, key)
			c.mu.Unlock()
		}
		return p, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return p, nil // forgotten meanwhile: answer this request, cache nothing
	}
	if c.entries == nil {
		c.entries = map[[sha256.Size]byte]cachedToken{}
	}
	if len(c.entries) >= maxCachedTokens {
		for k, e := range c.entries {
			if !now.Before(e.until) {
				delete(c.entries, k)
			}
		}
		if len(c.entries) >= maxCachedTokens {
			clear(c.entries)
		}
	}
	c.entries[key] = cachedToken{p: p, until: now.Add(TokenCacheTTL)}
	return p, nil
}

// forget empties the cache.
func (c *tokenCache) forget() {
	c.mu.Lock()
	clear(c.entries)
	c.gen++
	c.mu.Unlock()
}

// ForgetTokens makes the API look every token up again on its next use.
// Call it after revoking a token, disabling an account or changing its
// role, area or password, so the change holds at once in this process;
// other processes see it within TokenCacheTTL.
func (h *Handler) ForgetTokens() {
	if h != nil {
		h.tokens.forget()
	}
}
