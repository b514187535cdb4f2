package api

import "time"

// SetTokenClock moves the clock of h's token cache, for the tests.
func SetTokenClock(h *Handler, now func() time.Time) { h.tokens.now = now }

// CachedTokens is how many tokens h's cache holds.
func CachedTokens(h *Handler) int {
	h.tokens.mu.RLock()
	defer h.tokens.mu.RUnlock()
	return len(h.tokens.entries)
}
