package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dangjian/internal/area"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/speechtpl"
)

// TestSpeechTemplateFlag: --template default, saved (the flag omitted), a
// directory and a .md file of parts; a saved district template reaches
// its subdistrict; an unknown NAME and a template with a mistake are
// refused naming --template or the part and line.
func TestSpeechTemplateFlag(t *testing.T) {
	for _, e := range dbtest.Engines() {
		t.Run(string(e), func(t *testing.T) {
			u := demoDB(t, e)
			ctx := context.Background()
			def, err := report.DefaultParts(i18n.ZH)
			if err != nil {
				t.Fatal(err)
			}
			edited := append([]string(nil), def...)
			edited[0] = strings.Replace(edited[0], "我们认为，", "我们深信，", 1)
			d, err := db.Open(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			areas := area.NewStore(d)
			root, err := areas.Root(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := speechtpl.NewStore(d, areas).Save(ctx, speechtpl.SaveInput{AreaID: root.ID, Lang: i18n.ZH, Parts: edited}); err != nil {
				t.Fatal(err)
			}
			d.Close()

			dir := t.TempDir()
			partsDir := filepath.Join(dir, "parts")
			if err := os.Mkdir(partsDir, 0o755); err != nil {
				t.Fatal(err)
			}
			dirParts := append([]string(nil), def...)
			dirParts[1] = strings.Replace(dirParts[1], "明确街道党工委", "目录里的街道党工委", 1)
			for i, p := range dirParts {
				if err := os.WriteFile(filepath.Join(partsDir, string(rune('1'+i))+".md"), []byte(p), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			oneFile := filepath.Join(dir, "speech.md")
			fileParts := append([]string(nil), def...)
			fileParts[3] = strings.Replace(fileParts[3], "我们认为，社区党建的目的", "文件里说，社区党建的目的", 1)
			if err := os.WriteFile(oneFile, []byte(strings.Join(fileParts, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			bad := filepath.Join(dir, "bad.md")
			if err := os.WriteFile(bad, []byte("## 一、\n\n第二行\n{{communities.totl}}\n"), 0o644); err != nil {
				t.Fatal(err)
			}

			cases := []struct {
				name      string
				args      []string
				want, not []string
			}{
				{"saved, the flag omitted", []string{"--area", "河东街道"}, []string{"我们深信，"}, []string{"我们认为，加强社区党建"}},
				{"saved", []string{"--template", "saved"}, []string{"我们深信，"}, nil},
				{"default", []string{"--area", "河东街道", "--template", "default"}, []string{"我们认为，加强社区党建"}, []string{"我们深信"}},
				{"a directory", []string{"--template", partsDir}, []string{"目录里的街道党工委", "我们认为，加强社区党建"}, []string{"我们深信"}},
				{"a file", []string{"--template", oneFile}, []string{"文件里说，社区党建的目的", "## 三、"}, []string{"我们深信"}},
			}
			for _, c := range cases {
				args := append([]string{"speech", "--db", u, "--from", "2024-01-01", "--to", "2024-12-31"}, c.args...)
				code, out, stderr := run(t, args...)
				if code != 0 {
					t.Fatalf("%s: %d %s", c.name, code, stderr)
				}
				for _, w := range c.want {
					if !strings.Contains(out, w) {
						t.Errorf("%s: the speech lacks %q", c.name, w)
					}
				}
				for _, n := range c.not {
					if strings.Contains(out, n) {
						t.Errorf("%s: the speech holds %q", c.name, n)
					}
				}
				if strings.Contains(out, "{{") {
					t.Errorf("%s: unfilled actions in the speech", c.name)
				}
			}
			refusals := []struct {
				name, arg, want string
			}{
				{"unknown name", "latest", "--template 的值“latest”无效"},
				{"not a .md file", filepath.Join(dir, "speech.txt"), "--template 的值"},
				{"a missing directory", filepath.Join(dir, "nothing"), "--template 的值"},
				{"a mistake", bad, "第1部分第4行：没有名为“communities.totl”的指标"},
			}
			for _, c := range refusals {
				code, _, stderr := run(t, "speech", "--db", u, "--template", c.arg)
				if code == 0 || !strings.Contains(stderr, c.want) {
					t.Errorf("%s: %d %q, want %q", c.name, code, stderr, c.want)
				}
			}
		})
	}
}

func TestSplitParts(t *testing.T) {
	got := speechtpl.SplitParts("## 一\n甲\n\n## 二\n乙\n")
	if len(got) != 2 || got[0] != "## 一\n甲\n\n" || got[1] != "## 二\n乙\n" {
		t.Errorf("SplitParts = %q", got)
	}
}
