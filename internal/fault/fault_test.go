package fault

import (
	"errors"
	"fmt"
	"testing"
)

func TestClasses(t *testing.T) {
	cases := []struct {
		name   string
		err    error
		target error
		want   bool
	}{
		{"not found", fmt.Errorf("x: %w", NotFound), NotFound, true},
		{"conflict is not not-found", Conflict, NotFound, false},
		{"out of scope is forbidden", fmt.Errorf("x: %w", OutOfScope), Forbidden, true},
		{"forbidden is not out of scope", Forbidden, OutOfScope, false},
		{"bad reference is not found", BadReference, NotFound, true},
		{"not found is no bad reference", NotFound, BadReference, false},
		{"out of scope is not not-found", OutOfScope, NotFound, false},
	}
	for _, c := range cases {
		if got := errors.Is(c.err, c.target); got != c.want {
			t.Errorf("%s: errors.Is = %v, want %v", c.name, got, c.want)
		}
	}
}
