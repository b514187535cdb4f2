package db

import (
	"testing"

	"dangjian/internal/date"
)

func TestNull(t *testing.T) {
	for _, c := range []struct {
		in   any
		null bool
	}{
		{Null(int64(0)), true}, {Null(int64(7)), false}, {Null(""), true}, {Null("x"), false}, {Null(0), true},
		{Null(date.Date{}), true}, {Null(date.MustParse("2024-01-01")), false},
	} {
		if (c.in == nil) != c.null {
			t.Errorf("Null gave %v, want NULL %v", c.in, c.null)
		}
	}
}
