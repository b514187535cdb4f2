package auth

import (
	"errors"
	"slices"
	"testing"

	"dangjian/internal/i18n"
)

// TestCommonPasswordsRefused: passwords that pass length and classes but
// are common — in the list as they are, with digits or symbols added, or
// a pinyin name or phrase with digits — are refused, naming the field;
// passwords that only look alike are not.
func TestCommonPasswordsRefused(t *testing.T) {
	cases := []struct {
		user, pw, key string
	}{
		{"li", "Woaini1314!", "err.password_common"},     // list, symbol added
		{"li", "WOAINI1314@@", "err.password_common"},    // case ignored
		{"li", "Qq123456789!", "err.password_common"},    // list entry qq123456789
		{"li", "Qq5201314!!", "err.password_common"},     // digit run 5201314
		{"li", "Aa147258369", "err.password_common"},     // digit run 147258369
		{"li", "Beijing2025!", "err.password_common"},    // stem beijing
		{"li", "Password123!", "err.password_common"},    // stem password
		{"li", "P@ssw0rd2024", "err.password_common"},    // list p@ssw0rd
		{"li", "Dangjian@2025", "err.password_common"},   // the application's name
		{"li", "Zhangwei1985!", "err.password_common"},   // pinyin name + birth year
		{"li", "Xiaoming-0808", "err.password_common"},   // pinyin name
		{"li", "Huangjiaqi_1990", "err.password_common"}, // three syllables
		{"li", "Qwertyuiop1!", "err.password_common"},    // keyboard row
		{"li", "Correct-Horse-42", ""},
		{"li", "Test-Passw0rd-1", ""},
		{"li", "Lantern-Quay-2025!", ""},
		{"li", "党建工作Abc123", ""},
		{"li", "Zhongguoxiangqianjin1!", ""}, // five syllables: a phrase, not a name
		{"li", "7Kq#mPz2vW", ""},
		{"zhang.wei10", "Zhang.Wei10", "err.password_is_username"},
		{"zhang.wei10", "My-zhangwei10-Pass", "err.password_contains_username"},
		{"zhang.wei10", "X01iew.gnahz!", "err.password_contains_username"}, // reversed
		{"yingbin.li", "Yingbin-Li-2025!", "err.password_contains_username"},
		{"yingbin.wang", "Yingbin-Passw0rd-9", ""}, // a part of the name only
		{"li", "Lily-Garden-77", ""},               // short usernames only whole
	}
	for _, c := range cases {
		err := CheckPolicy(c.user, c.pw)
		var ie *i18n.Error
		switch {
		case c.key == "" && err != nil:
			t.Errorf("%q refused: %v", c.pw, err)
		case c.key != "" && (!errors.As(err, &ie) || ie.Key != c.key || ie.Field != "password"):
			t.Errorf("%q: got %v, want %s on field password", c.pw, err, c.key)
		}
	}
}

// TestCommonListIsSortedAndSmall: the embedded list is sorted (binary
// search), holds the Chinese favourites, and stays well under 1 MB.
func TestCommonListIsSortedAndSmall(t *testing.T) {
	l := commonList()
	if len(commonPasswords) > 1<<20 || len(l) < 10000 {
		t.Fatalf("list: %d bytes, %d entries", len(commonPasswords), len(l))
	}
	for i := 1; i < len(l); i++ {
		if l[i-1] >= l[i] {
			t.Fatalf("not sorted or duplicated at %d: %q, %q", i, l[i-1], l[i])
		}
	}
	for _, w := range []string{"woaini1314", "qq123456", "a123456", "5201314", "123456", "zhangwei"} {
		found := false
		for _, f := range commonForms(w) {
			if _, ok := slices.BinarySearch(l, f); ok {
				found = true
			}
		}
		if !found {
			t.Errorf("%q not in the list", w)
		}
	}
}

func TestGeneratedPasswordsAreNotCommon(t *testing.T) {
	for range 500 {
		pw, err := GeneratePassword()
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckPolicy("admin", pw); err != nil {
			t.Fatalf("generated %q refused: %v", pw, err)
		}
	}
}
