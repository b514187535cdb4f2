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

func TestParseAgreesWithTimeParse(t *testing.T) {
	// Every day of a leap and a common year, and the edges of each month.
	for d := MustParse("2023-01-01"); d.Year() < 2025; d = d.AddDays(1) {
		s := d.Time().Format(Layout)
		got, err := Parse(s)
		if err != nil || got != d || got.String() != s {
			t.Fatalf("Parse(%q) = %v %v", s, got, err)
		}
	}
	for _, bad := range []string{"2023-02-29", "2024-04-31", "2024-00-10", "2024-01-00", "0000-00-00", "2024-1a-01", "+024-01-01", "2024/01/01"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
		if _, err := time.Parse(Layout, bad); err == nil && bad != "0000-00-00" {
			t.Errorf("time.Parse accepts %q: the fast parser disagrees", bad)
		}
	}
	if s := New(1, 2, 3).String(); s != "0001-02-03" {
		t.Errorf("year 1 = %s", s)
	}
}

func BenchmarkParse(b *testing.B) {
	for range b.N {
		if _, err := Parse("2024-06-15"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestInSpan(t *testing.T) {
	d := MustParse
	for _, c := range []struct {
		from, to, on string
		want         bool
	}{
		{"2024-01-01", "", "2024-01-01", true},
		{"2024-01-01", "", "2023-12-31", false},
		{"2024-01-01", "2024-03-01", "2024-02-29", true},
		{"2024-01-01", "2024-03-01", "2024-03-01", false}, // the end is the first day no longer held
	} {
		var to Date
		if c.to != "" {
			to = d(c.to)
		}
		if got := InSpan(d(c.from), to, d(c.on)); got != c.want {
			t.Errorf("InSpan(%s, %q, %s) = %v, want %v", c.from, c.to, c.on, got, c.want)
		}
	}
}
