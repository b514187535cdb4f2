package web_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"dangjian/internal/auth"
)

// TestBrowserSpeechTemplate: 河东街道's officer edits the speech template
// in the browser. A line naming an unknown figure is refused beside its
// part as they type, and again when they save (nothing is saved); the
// corrected template's preview follows the typing and it is saved; the
// speech says the new words; a second version is saved, version 1
// restored, and the speech has the old words again.
func TestBrowserSpeechTemplate(t *testing.T) {
	eachEngine(t, func(t *testing.T, ctx context.Context, app *testApp) {
		app.account("hedong-tpl", auth.Subdistrict, "河东街道")
		app.signInBrowser(t, ctx, "hedong-tpl")
		editor := app.srv.URL + app.Expand("/areas/{河东街道}/speech-template?tpl_lang=zh&from=2024-01-01&to=2024-12-31")
		speech := app.srv.URL + app.Expand("/speech?area={河东街道}&from=2024-01-01&to=2024-12-31")
		run(t, ctx,
			chromedp.Navigate(editor),
			chromedp.WaitVisible(chromedp.CSS("#f-part1")),
			chromedp.WaitReady(chromedp.CSS("html[data-ready]")),
		)
		seed := get(t, ctx, chromedp.Evaluate[string](`document.querySelector("#f-part1").value`))
		if !strings.Contains(seed, "我们认为，") {
			t.Fatalf("part one is not the seed's words: %q", seed)
		}
		// type sets part one's text as typing would, firing its input event.
		typeIn := func(text string) {
			t.Helper()
			js, _ := json.Marshal(text)
			get(t, ctx, chromedp.Evaluate[bool](`(() => { const t = document.querySelector("#f-part1"); t.value = `+string(js)+
				`; t.dispatchEvent(new Event("input", {bubbles: true})); return true })()`))
		}

		// A refused line, shown by its line as the user types.
		wrong := strings.TrimRight(seed, "\n") + "\n{{communities.totl}}\n"
		line := strings.Count(wrong, "\n")
		typeIn(wrong)
		run(t, ctx, chromedp.WaitVisible(chromedp.CSS("#refusal-1 .field-error")))
		want := "第1部分第" + strconv.Itoa(line) + "行：没有名为“communities.totl”的指标"
		wantContains(t, "the live refusal", textOf(t, ctx, "#refusal-1"), want)
		wantContains(t, "the preview", textOf(t, ctx, "#tpl-preview"), "模板有错误")
		shot(t, ctx, "refused-live")
		// Saved all the same: refused again, nothing saved.
		run(t, ctx,
			clickAndLoad(chromedp.CSS("#tpl-save")),
			chromedp.WaitVisible(chromedp.CSS("#refusal-1 .field-error")),
			chromedp.WaitVisible(chromedp.CSS("#tpl-no-versions")),
		)
		wantContains(t, "the refusal after saving", textOf(t, ctx, "#refusal-1"), want)
		if v := get(t, ctx, chromedp.Evaluate[string](`document.querySelector("#f-part1").value`)); !strings.Contains(v, "{{communities.totl}}") {
			t.Errorf("the refused text was not kept in the editor")
		}

		// Corrected: the preview follows, and it is saved.
		first := strings.Replace(seed, "我们认为，", "我们深信，", 1)
		typeIn(first)
		run(t, ctx, chromedp.WaitVisible(chromedp.CSS("#tpl-preview .speech-body")))
		wantContains(t, "the live preview", textOf(t, ctx, "#tpl-preview"), "我们深信，")
		if n := get(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#refusal-1 .field-error").length`)); n != 0 {
			t.Errorf("the refusal stayed after the correction")
		}
		shot(t, ctx, "corrected-preview")
		run(t, ctx,
			clickAndLoad(chromedp.CSS("#tpl-save")),
			chromedp.WaitVisible(chromedp.CSS("#version-1")),
		)
		wantContains(t, "the versions", textOf(t, ctx, "#tpl-versions"), "hedong-tpl")
		run(t, ctx, chromedp.Navigate(speech), chromedp.WaitVisible(chromedp.CSS("#speech article.speech")))
		wantContains(t, "the speech after the save", textOf(t, ctx, "#speech"), "我们深信，")

		// A second version, then version 1 restored.
		run(t, ctx, chromedp.Navigate(editor), chromedp.WaitVisible(chromedp.CSS("#f-part1")), chromedp.WaitReady(chromedp.CSS("html[data-ready]")))
		typeIn(strings.Replace(seed, "我们认为，", "我们坚信，", 1))
		run(t, ctx,
			clickAndLoad(chromedp.CSS("#tpl-save")),
			chromedp.WaitVisible(chromedp.CSS("#version-2")),
			chromedp.Navigate(speech), chromedp.WaitVisible(chromedp.CSS("#speech article.speech")),
		)
		wantContains(t, "the speech after the second save", textOf(t, ctx, "#speech"), "我们坚信，")
		run(t, ctx,
			chromedp.Navigate(editor), chromedp.WaitVisible(chromedp.CSS("#restore-1")),
			clickAndLoad(chromedp.CSS("#restore-1")),
			chromedp.WaitVisible(chromedp.CSS("#version-3")),
		)
		wantContains(t, "the restored version", textOf(t, ctx, "#tpl-versions"), "恢复自第1版")
		shot(t, ctx, "restored")
		run(t, ctx, chromedp.Navigate(speech), chromedp.WaitVisible(chromedp.CSS("#speech article.speech")))
		text := textOf(t, ctx, "#speech")
		wantContains(t, "the speech after the restore", text, "我们深信，")
		if strings.Contains(text, "我们坚信") {
			t.Errorf("the speech still says version 2's words after version 1 was restored")
		}
	})
}
