package i18n

import (
	"regexp"
	"sort"
	"testing"
)

// TestCatalogsComplete fails when a key is in one language and not the
// other, for the whole catalog and for each part of it.
func TestCatalogsComplete(t *testing.T) {
	parts := []struct {
		name   string
		zh, en map[string]string
	}{
		{"errors", errorsZH, errorsEN},
		{"ui", uiZH, uiEN},
		{"api", apiZH, apiEN},
		{"auth", authZH, authEN},
		{"account", uiAccountZH, uiAccountEN},
		{"admin", uiAdminZH, uiAdminEN},
		{"people", peopleZH, peopleEN},
		{"ui people", uiPeopleZH, uiPeopleEN},
		{"ui import", uiImportZH, uiImportEN},
		{"xlsx", xlsxZH, xlsxEN},
		{"all", zh, en},
	}
	for _, p := range parts {
		if missing := missingKeys(p.zh, p.en); len(missing) > 0 {
			t.Errorf("%s: keys in zh but not in en: %v", p.name, missing)
		}
		if missing := missingKeys(p.en, p.zh); len(missing) > 0 {
			t.Errorf("%s: keys in en but not in zh: %v", p.name, missing)
		}
	}
}

func TestMissingKeys(t *testing.T) {
	got := missingKeys(map[string]string{"a": "", "b": "", "c": ""}, map[string]string{"b": ""})
	if len(got) != 2 || got[0] != "a" || got[1] != "c" {
		t.Errorf("missingKeys = %v, want [a c]", got)
	}
}

// verb matches a formatting verb, with an optional explicit index.
var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*[a-zA-Z%]`)

// TestCatalogVerbs checks that both languages of a message take the same
// number of arguments, so a translation cannot drop or add one.
func TestCatalogVerbs(t *testing.T) {
	for k, z := range zh {
		e, ok := en[k]
		if !ok {
			continue
		}
		if nz, ne := countArgs(z), countArgs(e); nz != ne {
			t.Errorf("%s: zh takes %d arguments, en %d", k, nz, ne)
		}
	}
}

// countArgs is the number of distinct arguments a format uses.
func countArgs(format string) int {
	n, seen := 0, map[string]bool{}
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[0] == "%%" {
			continue
		}
		key := m[1]
		if key == "" {
			n++
			key = "#" + string(rune('0'+n))
		}
		seen[key] = true
	}
	return len(seen)
}

func missingKeys(a, b map[string]string) []string {
	var out []string
	for k := range a {
		if _, ok := b[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
