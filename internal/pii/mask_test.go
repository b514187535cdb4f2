package pii

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMaskIDNumber(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"18 digits", "110105199001011234", "110105********1234"},
		{"18 with X", "11010519900101123X", "110105********123X"},
		{"18 with lower x", "11010519900101123x", "110105********123X"},
		{"15-digit legacy", "110105900101123", "110105*****1123"},
		{"surrounding space", " 110105199001011234 ", "110105********1234"},
		{"full-width", "１１０１０５１９９００１０１１２３４", "110105********1234"},
		{"17 digits", "11010519900101123", "110105*******1123"},
		{"14 digits", "11010519900101", "110********101"},
		{"10 digits", "1101051990", "11******90"},
		{"5", "12345", "1***5"},
		{"4", "1234", "****"},
		{"1", "1", "*"},
		{"empty", "", ""},
		{"chinese", "张三", "**"},
		{"17 runes, not ASCII", "身份证号码一二三四五六七八九十甲乙", "身份证号码一*******九十甲乙"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MaskIDNumber(tt.in)
			if got != tt.want {
				t.Fatalf("MaskIDNumber(%q) = %q, want %q", tt.in, got, tt.want)
			}
			checkMask(t, Normalize(tt.in), got, 10)
		})
	}
}

func TestMaskPhone(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"mobile", "13812345678", "138****5678"},
		{"mobile spaced", "138 1234 5678", "138****5678"},
		{"mobile dashed", "138-1234-5678", "138****5678"},
		{"mobile +86", "+86 13812345678", "+86 138****5678"},
		{"mobile 0086", "008613812345678", "0086 138****5678"},
		{"mobile 86", "8613812345678", "86 138****5678"},
		{"mobile full-width", "１３８１２３４５６７８", "138****5678"},
		{"beijing landline", "010-12345678", "010-****5678"},
		{"beijing landline bare", "01012345678", "010-****5678"},
		{"guangzhou bracketed", "(020)87654321", "020-****4321"},
		{"4-digit area, 7-digit local", "0571-8765432", "0571-****432"},
		{"4-digit area, 8-digit local", "075512345678", "0755-****5678"},
		{"local 8", "87654321", "****4321"},
		{"local 7", "8765432", "****432"},
		{"hotline", "95588", "9***8"},
		{"emergency", "110", "***"},
		{"12 digit mobile-like", "138123456789", "13********89"},
		{"extension", "010-12345678-123", "010**********123"},
		{"letters", "call me", "c*****e"},
		{"chinese", "无", "*"},
		{"dashes only", "---", "***"},
		{"empty", "", ""},
		{"blank", "   ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MaskPhone(tt.in)
			if got != tt.want {
				t.Fatalf("MaskPhone(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMaskHidesMoreThanHalf(t *testing.T) {
	for n := range 40 {
		for _, unit := range []string{"9", "张"} {
			in := strings.Repeat(unit, n)
			got := Mask(in)
			if utf8.RuneCountInString(got) != n {
				t.Fatalf("Mask of %d runes gave %d runes", n, utf8.RuneCountInString(got))
			}
			if hidden := strings.Count(got, "*"); n > 0 && hidden*2 <= n {
				t.Fatalf("Mask(%q) = %q hides only %d of %d", in, got, hidden, n)
			}
		}
	}
}

// checkMask asserts that masked has as many runes as plain, that each shown
// rune is the one at its place, and that at most maxShown runes are shown.
func checkMask(t *testing.T, plain, masked string, maxShown int) {
	t.Helper()
	p, m := []rune(plain), []rune(masked)
	if len(p) != len(m) {
		t.Fatalf("%q masked to %d runes, want %d", plain, len(m), len(p))
	}
	shown := 0
	for i := range m {
		if m[i] != '*' {
			shown++
			if m[i] != p[i] {
				t.Fatalf("rune %d of %q is %q, want %q", i, masked, m[i], p[i])
			}
		}
	}
	if shown > maxShown || (len(p) > 0 && shown*2 >= len(p) && len(p) < 15) {
		t.Fatalf("%q shows %d of %d runes", masked, shown, len(p))
	}
}
