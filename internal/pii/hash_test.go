package pii

import (
	"encoding/hex"
	"testing"
)

func TestHash(t *testing.T) {
	k := testKeyring(t, 1)
	base := k.Hash(colID, "11010519900101123X")
	if b, err := hex.DecodeString(base); err != nil || len(b) != 32 {
		t.Fatalf("hash %q is not 64 hex digits", base)
	}
	same := []string{
		"11010519900101123X",
		"11010519900101123x",
		"  11010519900101123x\n",
		"\u300011010519900101123X\t",
		"１１０１０５１９９００１０１１２３ｘ", // full-width digits and x
	}
	for _, v := range same {
		if got := k.Hash(colID, v); got != base {
			t.Errorf("Hash(%q) = %s, want %s", v, got, base)
		}
	}
	differ := []struct {
		name string
		k    *Keyring
		col  string
		v    string
	}{
		{"other value", k, colID, "110105199001011234"},
		{"other column", k, colPhone, "11010519900101123X"},
		{"other key", testKeyring(t, 2), colID, "11010519900101123X"},
		{"x not trailing", k, colID, "x1010519900101123X"},
		{"column and value shifted", k, colID + "1", "1010519900101123X"},
	}
	for _, tt := range differ {
		if got := tt.k.Hash(tt.col, tt.v); got == base {
			t.Errorf("%s: same hash", tt.name)
		}
	}
	if k.Hash(colID, "11010519900101123X") != base {
		t.Error("hash not stable")
	}
	for _, v := range []string{"", "  ", "\u3000"} {
		if got := k.Hash(colID, v); got != "" {
			t.Errorf("Hash(%q) = %q, want empty", v, got)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{" 11010519900101123x ", "11010519900101123X"},
		{"11010519900101123X", "11010519900101123X"},
		{"x123", "x123"},
		{"１３８１２３４５６７８", "13812345678"},
		{"\u3000１３８\u3000", "138"},
		{"张三", "张三"},
		{"abc x", "abc X"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
