package date

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	cases := []struct {
		in  string
		ok  bool
		out string
	}{
		{"2024-02-29", true, "2024-02-29"},
		{"2023-02-29", false, ""},
		{"2024-13-01", false, ""},
		{"2024-1-5", false, ""},
		{"", false, ""},
		{"2024-01-01T00:00:00Z", false, ""},
		{" 2024-01-01", false, ""},
	}
	for _, c := range cases {
		d, err := Parse(c.in)
		if (err == nil) != c.ok || d.String() != c.out {
			t.Errorf("Parse(%q) = %q, %v", c.in, d, err)
		}
	}
}

func TestScanBothEngines(t *testing.T) {
	cases := []struct {
		in   any
		want string
	}{
		{"2024-03-01", "2024-03-01"},
		{[]byte("2024-03-01"), "2024-03-01"},
		{"2024-03-01 00:00:00", "2024-03-01"}, // SQLite date stored with a time
		{time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), "2024-03-01"},
		{nil, ""},
	}
	for _, c := range cases {
		var d Date
		if err := d.Scan(c.in); err != nil || d.String() != c.want {
			t.Errorf("Scan(%v) = %q, %v", c.in, d, err)
		}
	}
	var d Date
	if err := d.Scan(42); err == nil {
		t.Error("Scan of an int succeeded")
	}
	if err := d.Scan("yesterday"); err == nil {
		t.Error("Scan of text that is no date succeeded")
	}
}

func TestValueAndJSON(t *testing.T) {
	if v, _ := (Date{}).Value(); v != nil {
		t.Errorf("zero date stores %v, want NULL", v)
	}
	if v, _ := MustParse("2024-03-01").Value(); v != "2024-03-01" {
		t.Errorf("Value = %v", v)
	}
	b, _ := json.Marshal(struct {
		A Date `json:"a"`
		B Date `json:"b,omitzero"`
	}{A: MustParse("2024-03-01")})
	if string(b) != `{"a":"2024-03-01"}` {
		t.Errorf("json = %s", b)
	}
	var x struct{ A, B Date }
	if err := json.Unmarshal([]byte(`{"A":"2024-03-01","B":""}`), &x); err != nil || x.A.String() != "2024-03-01" || !x.B.IsZero() {
		t.Errorf("unmarshal = %+v, %v", x, err)
	}
	if err := json.Unmarshal([]byte(`{"A":"03/01/2024"}`), &x); err == nil {
		t.Error("unmarshal of a US date succeeded")
	}
}

func TestOrderingAndArithmetic(t *testing.T) {
	a, b := MustParse("2024-12-31"), MustParse("2025-01-01")
	if !a.Before(b) || b.Before(a) || !b.After(a) || a.AddDays(1) != b || b.Year() != 2025 {
		t.Error("ordering or AddDays wrong across a year end")
	}
	from, to := YearBounds(2024)
	if from.String() != "2024-01-01" || to.String() != "2024-12-31" {
		t.Errorf("YearBounds = %s %s", from, to)
	}
}
