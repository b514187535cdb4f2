package api

import (
	"context"
	"dangjian/internal/access"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"errors"
	"fmt"
	"testing"
)

func TestClassify(t *testing.T) {
	cases := []struct {
		name     string
		err      error
		status   int
		key      string
		internal bool
	}{
		{"rule", i18n.Errf("on", "err.date_future", "2030-01-01"), 422, "err.date_future", false},
		{"wrapped rule", fmt.Errorf("demo: x: %w", i18n.Errf("name", "err.name_taken", "a", "b")), 422, "err.name_taken", false},
		{"subject not found", &i18n.Error{Field: "area_id", Key: "err.area_not_found", Args: []any{9}, Err: fault.NotFound}, 404, "err.area_not_found", false},
		{"reference not found", &i18n.Error{Field: "target_id", Key: "err.area_not_found", Args: []any{9}, Err: fault.BadReference}, 422, "err.area_not_found", false},
		{"body reference not found", InvalidRef(&i18n.Error{Field: "area_id", Key: "err.area_not_found", Args: []any{9}, Err: fault.NotFound}), 422, "err.area_not_found", false},
		{"figure not found", &i18n.Error{Field: "key", Key: "err.figure_unknown", Args: []any{"x"}, Err: fault.NotFound}, 404, "err.figure_unknown", false},
		{"a not-found key without its class is refused input", i18n.Errf("area_id", "err.area_not_found", 9), 422, "err.area_not_found", false},
		{"conflict with a message", &i18n.Error{Field: "id_number", Key: "err.id_number_taken", Err: fault.Conflict}, 409, "err.id_number_taken", false},
		{"forbidden with a message", &i18n.Error{Key: "err.own_area_change", Err: fault.OutOfScope}, 403, "err.own_area_change", false},
		{"bad request", &requestError{kind: kindBadRequest, err: i18n.Errf("", "err.api_body_empty")}, 400, "err.api_body_empty", false},
		{"too large", &requestError{kind: kindTooLarge, err: i18n.Errf("", "err.api_body_too_large", 1)}, 413, "err.api_body_too_large", false},
		{"media type", &requestError{kind: kindMediaType, err: i18n.Errf("", "err.api_media_type", "x")}, 415, "err.api_media_type", false},
		{"no route", &requestError{kind: kindNoRoute, err: i18n.Errf("", "err.api_route_unknown", "/x")}, 404, "err.api_route_unknown", false},
		{"method", &requestError{kind: kindMethod, err: i18n.Errf("", "err.api_method", "PUT")}, 405, "err.api_method", false},
		{"db not found", fmt.Errorf("x: %w", db.ErrNotFound), 404, "err.api_not_found", false},
		{"db conflict", fmt.Errorf("x: %w", db.ErrConflict), 409, "err.api_conflict", false},
		{"cancelled", fmt.Errorf("x: %w", context.Canceled), 503, "err.api_unavailable", false},
		{"unauthenticated", errUnauthenticated(), 401, "err.api_unauthenticated", false},
		{"forbidden", access.Refusal("err.forbidden"), 403, "err.forbidden", false},
		{"password to change", access.Refusal("err.password_change_required"), 403, "err.password_change_required", false},
		{"path target out of scope", access.OutOfScope(), 403, "err.out_of_scope", false},
		{"store out of scope", fmt.Errorf("area: %w", &i18n.Error{Field: "target_id", Key: "err.out_of_scope", Err: fault.OutOfScope}), 403, "err.out_of_scope", false},
		{"anything else", errors.New("pq: password authentication failed for user secret"), 500, "err.internal", true},
	}
	for _, c := range cases {
		status, msg, internal := classify(c.err)
		if status != c.status || msg.Key != c.key || internal != c.internal {
			t.Errorf("%s: got %d %s %v, want %d %s %v", c.name, status, msg.Key, internal, c.status, c.key, c.internal)
		}
	}
}

func TestAcceptLanguage(t *testing.T) {
	cases := map[string]i18n.Lang{
		"":                        i18n.ZH,
		"en":                      i18n.EN,
		"en-US,en;q=0.9":          i18n.EN,
		"zh-CN,zh;q=0.9,en;q=0.8": i18n.ZH,
		"fr-FR, en;q=0.5":         i18n.EN,
		"de":                      i18n.ZH,
		"zh;q=0.4, en-GB;q=0.6":   i18n.EN,
		"english":                 i18n.ZH,
		"en;q=0, zh-TW":           i18n.ZH,
		"EN-gb":                   i18n.EN,
	}
	for h, want := range cases {
		if got := acceptLanguage(h); got != want {
			t.Errorf("acceptLanguage(%q) = %s, want %s", h, got, want)
		}
	}
}
