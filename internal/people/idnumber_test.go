package people_test

import (
	"testing"

	"dangjian/internal/people"
)

func TestParseIDNumber(t *testing.T) {
	today := d("2025-06-30")
	good := fakeID("1980-02-29", 123)
	wrongCheck := good[:17] + string("0123456789X"[(indexOf("0123456789X", good[17])+1)%11])
	cases := []struct {
		name, in, key, want string
	}{
		{"valid 18", good, "", good},
		{"lower-case x and full width", toWide(fakeIDForX()), "", fakeIDForX()},
		{"valid 15-digit legacy becomes 18", "110105800229123", "", fakeID("1980-02-29", 123)},
		{"too short", "11010519800229", "err.id_number_length", ""},
		{"too long", good + "1", "err.id_number_length", ""},
		{"letter inside", "11010519800A29123X", "err.id_number_chars", ""},
		{"X not last", "1101051980022912X3", "err.id_number_chars", ""},
		{"region 00", fakeIDIn("000105", "1980-02-29", 1), "err.id_number_region", ""},
		{"region 99", fakeIDIn("990105", "1980-02-29", 1), "err.id_number_region", ""},
		{"no 30 February", fakeIDIn("110105", "1980-02-29", 1)[:10] + "0230" + "1234", "err.id_number_date", ""},
		{"not a leap year", "110105190002291234", "err.id_number_date", ""},
		{"born in the future", fakeID("2026-01-01", 5), "err.id_number_future", ""},
		{"check digit", wrongCheck, "err.id_number_check", ""},
		{"15-digit bad date", "110105801329123", "err.id_number_date", ""},
		{"15-digit letters", "11010580022912X", "err.id_number_chars", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _, err := people.ParseIDNumber("id_number", c.in, today)
			if c.key == "" {
				if err != nil || got != c.want {
					t.Fatalf("ParseIDNumber(%q) = %q, %v; want %q", c.in, got, err, c.want)
				}
				return
			}
			wantKey(t, err, c.key, "id_number")
		})
	}
	_, born, _ := people.ParseIDNumber("id_number", good, today)
	if born != d("1980-02-29") {
		t.Errorf("birth date = %s", born)
	}
}

// fakeIDForX finds a fictional number whose check character is X.
func fakeIDForX() string {
	for seq := 0; seq < 1000; seq++ {
		if id := fakeID("1975-10-10", seq); id[17] == 'X' {
			return id
		}
	}
	panic("no X")
}

func toWide(s string) string {
	r := []rune(s[:17] + "x")
	for i, c := range r[:17] {
		r[i] = c - '0' + '０'
	}
	return string(r)
}

func indexOf(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func TestParsePhone(t *testing.T) {
	cases := []struct{ in, want string }{
		{"13912345678", "13912345678"},
		{"+86 139 1234 5678", "13912345678"},
		{"010-62345678", "010-62345678"},
		{"(0571)8765432", "0571-8765432"},
		{"02162345678", "021-62345678"},
		{"", ""},
		{"12912345678", "!"}, // second digit 2
		{"1391234567", "!"},  // 10 digits
		{"139123456789", "!"},
		{"010-1234567", "!"}, // local number starts with 1
		{"0571-123456", "!"}, // too short
		{"62345678", "!"},    // no area code
		{"phone", "!"},
	}
	for _, c := range cases {
		got, err := people.ParsePhone("phone", c.in)
		if c.want == "!" {
			wantKey(t, err, "err.phone_invalid", "phone")
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("ParsePhone(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}
