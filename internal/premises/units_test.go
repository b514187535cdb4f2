package premises

import "testing"

func TestParseHundredths(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"120", 120_00, true},
		{"120.5", 120_50, true},
		{" 1,234.56 ", 1234_56, true},
		{"0", 0, true},
		{"0.001", 0, false},
		{"-3", 0, false},
		{"十", 0, false},
		{"", 0, false},
		{"Inf", 0, false},
	}
	for _, c := range cases {
		got, err := ParseSquareMetres("floor_area", c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseSquareMetres(%q) = %d, %v; want %d, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
	if got := SquareMetres(120_50); got != "120.5" {
		t.Errorf("SquareMetres = %q", got)
	}
	if got := Wan(12_345_678); got != "12.35" {
		t.Errorf("Wan = %q", got)
	}
}
