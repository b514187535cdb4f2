package i18n

import (
	"strings"
	"testing"
)

func TestRegister(t *testing.T) {
	zh, en := map[string]string{}, map[string]string{}
	register(zh, en, map[string]Message{"t.a": {ZH: "甲 %d", EN: "a %d"}, "t.b": {ZH: "乙", EN: "b"}})
	if zh["t.a"] != "甲 %d" || en["t.a"] != "a %d" || zh["t.b"] != "乙" || en["t.b"] != "b" {
		t.Fatalf("catalogs after register: zh %v, en %v", zh, en)
	}
	for _, tc := range []struct {
		name string
		msgs map[string]Message
		want string // in the panic
	}{
		{"duplicate", map[string]Message{"t.c": {ZH: "丙", EN: "c"}, "t.a": {ZH: "甲", EN: "a"}}, "t.a is registered twice"},
		{"no zh", map[string]Message{"t.c": {ZH: "丙", EN: "c"}, "t.d": {EN: "d"}}, "t.d has no Chinese"},
		{"no en", map[string]Message{"t.c": {ZH: "丙", EN: "c"}, "t.d": {ZH: "丁"}}, "t.d has no English"},
		{"empty key", map[string]Message{"": {ZH: "空", EN: "empty"}}, "empty message key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.Contains(s, tc.want) {
					t.Errorf("panic %v, want one saying %q", r, tc.want)
				}
				// A refused call adds nothing, not even its good messages.
				if _, ok := zh["t.c"]; ok {
					t.Error("t.c was added by a refused call")
				}
				if len(zh) != 2 || len(en) != 2 {
					t.Errorf("catalogs changed: zh %v, en %v", zh, en)
				}
			}()
			register(zh, en, tc.msgs)
		})
	}
}

// TestRegisterCatalog checks that Register feeds T and Has, and refuses a key
// this package already registered.
func TestRegisterCatalog(t *testing.T) {
	if !Has("err.internal") || T(EN, "err.date_invalid", "x") != `"x" is not a date; use YYYY-MM-DD` {
		t.Fatal("the generic messages are not registered")
	}
	defer func() {
		if recover() == nil {
			t.Error("registering err.internal again did not panic")
		}
	}()
	Register(map[string]Message{"err.internal": {ZH: "内部", EN: "internal"}})
}

func TestT(t *testing.T) {
	if got := T(ZH, "err.period_inverted", "2024-02-01", "2024-01-01"); got != "开始日期 2024-02-01 晚于结束日期 2024-01-01" {
		t.Errorf("T(zh) = %q", got)
	}
	if got := T(EN, "no.such.key"); got != "no.such.key" {
		t.Errorf("T of a missing key = %q, want the key", got)
	}
	if Has("no.such.key") {
		t.Error("Has(no.such.key)")
	}
}
