package cli_test

import (
	"runtime"
	"strings"
	"testing"

	"dangjian/internal/cli"
)

func TestVersionCommand(t *testing.T) {
	old := cli.Version
	t.Cleanup(func() { cli.Version = old })
	for _, tc := range []struct {
		stamped string
		args    []string
		code    int
		want    string
	}{
		{"dev", nil, 0, "dangjian dev " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + "\n"},
		{"v1.2.3", nil, 0, "dangjian v1.2.3 " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + "\n"},
		{"v1.2.3", []string{"extra"}, 1, ""},
	} {
		cli.Version = tc.stamped
		code, out, stderr := run(t, append([]string{"version"}, tc.args...)...)
		if code != tc.code || out != tc.want {
			t.Errorf("version %v stamped %q: exit %d, out %q (stderr %q); want exit %d, out %q", tc.args, tc.stamped, code, out, stderr, tc.code, tc.want)
		}
		if tc.code != 0 && !strings.Contains(stderr, "extra") {
			t.Errorf("version %v: stderr %q does not name the stray argument", tc.args, stderr)
		}
	}
}
