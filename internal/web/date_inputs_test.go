package web_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every date input of every domain's templates takes and shows YYYY-MM-DD:
// a browser's own date picker shows the date in the machine's locale
// (2025/6/1, 06/01/2025) instead.
func TestDateInputsAreYYYYMMDD(t *testing.T) {
	files, err := filepath.Glob("../*/templates/*.html")
	if err != nil || len(files) < 10 {
		t.Fatalf("templates found: %d, %v", len(files), err)
	}
	input := regexp.MustCompile(`<input[^>]*>`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range input.FindAllString(string(b), -1) {
			if strings.Contains(in, `type="date"`) {
				t.Errorf("%s: %s uses the browser's date picker", f, in)
			}
			if strings.Contains(in, `class="date"`) && !strings.Contains(in, `type="number"`) && !strings.Contains(in, `placeholder="YYYY-MM-DD"`) {
				t.Errorf("%s: %s does not show the YYYY-MM-DD form", f, in)
			}
		}
	}
}
