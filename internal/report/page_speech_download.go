package report

import (
	"bytes"
	"dangjian/internal/web"
	"fmt"
	"net/http"
	"strings"
)

// speechDownload serves the speech as a Markdown (/speech.md), a
// standalone HTML (/speech.html) or a Word (/speech.docx) file for the
// scope and period in the query.
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
	t, err := s.tpls.For(r.Context(), sc.AreaID, web.Lang(r))
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
	var body bytes.Buffer
	var ctype string
	switch {
	case strings.HasSuffix(r.URL.Path, ".md"):
		body.WriteString(filled.Markdown())
		ctype, name = "text/markdown; charset=utf-8", name+".md"
	case strings.HasSuffix(r.URL.Path, ".docx"):
		if err := DOCX(&body, filled); err != nil {
			s.ServerError(w, r, err)
			return
		}
		ctype, name = DOCXType, name+".docx"
	default:
		body.WriteString(HTMLDocument(filled))
		ctype, name = "text/html; charset=utf-8", name+".html"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, _ = w.Write(body.Bytes())
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
