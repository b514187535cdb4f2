package db

import "testing"

func TestContains(t *testing.T) {
	for in, want := range map[string]string{"王": "%王%", "50%": `%50\%%`, "a_b": `%a\_b%`, `c\d`: `%c\\d%`} {
		if got := Contains(in); got != want {
			t.Errorf("Contains(%q) = %q, want %q", in, got, want)
		}
	}
}
