package report

import (
	"dangjian/internal/web"
	"fmt"
	"net/http"
	"strings"
)

// speechDownload serves the speech as a Markdown (/speech.md) or a
// standalone HTML (/speech.html) file for the scope and period in the query.
func (s *pages) speechDownload(w http.ResponseWriter, r *http.Request) {
	sc, form, ok, err := s.resolveScope(r, "/speech")
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	if !ok {
		msg := strings.Join(nonEmpty(form.AreaError, form.FromError, form.ToError, form.Error), "\n")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(form.Status)
		_, _ = w.Write([]byte(msg + "\n"))
		return
	}
	t, err := LoadTemplate(web.Lang(r))
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	filled, err := t.Fill(r.Context(), s.db.Reader(), sc, s.areas.Today())
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("web: speech download: %w", err))
		return
	}
	name := fmt.Sprintf("speech-%d-%s-%s", sc.AreaID, sc.From, sc.To)
	var body, ctype string
	if strings.HasSuffix(r.URL.Path, ".md") {
		body, ctype, name = filled.Markdown(), "text/markdown; charset=utf-8", name+".md"
	} else {
		body, ctype, name = HTMLDocument(filled), "text/html; charset=utf-8", name+".html"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, _ = w.Write([]byte(body))
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
