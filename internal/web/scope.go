package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
)

// scopeForm is the scope and period picker shared by the figures and
// speech pages: what the user typed, the choices and any refusal.
type scopeForm struct {
	Action    string
	Area      string
	From      string
	To        string
	Options   []option
	AreaError string
	FromError string
	ToError   string
	// Error is a refusal not tied to one of the three inputs.
	Error string
	// Status is the HTTP status of a refusal: 403 for an area outside the
	// user's scope, 422 otherwise.
	Status int
}

// Link is path with the scope's query, for links that keep the scope.
func (f *scopeForm) Link(path string) string {
	return path + "?" + url.Values{"area": {f.Area}, "from": {f.From}, "to": {f.To}}.Encode()
}

// resolveScope reads ?area=&from=&to= into a scope. On a refusal it returns
// ok false with the message placed in the form; other errors are returned.
func (s *Server) resolveScope(r *http.Request, action string) (figures.Scope, *scopeForm, bool, error) {
	lang := langOf(r)
	q := r.URL.Query()
	f := &scopeForm{Action: action, Area: strings.TrimSpace(q.Get("area")), From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to"))}
	sc, err := report.ResolveScope(r.Context(), s.areas, f.Area, f.From, f.To)
	ok := true
	if err != nil {
		e, isUser := userError(err)
		if !isUser {
			return sc, f, false, err
		}
		ok = false
		f.Status = userErrorStatus(e)
		if f.Status == http.StatusForbidden {
			s.auditDenied(r, e.Key)
		}
		msg := e.In(lang)
		switch e.Field {
		case "area", "area_id":
			f.AreaError = msg
		case "from":
			f.FromError = msg
		case "to":
			f.ToError = msg
		default:
			f.Error = msg
		}
	} else {
		f.Area, f.From, f.To = itoa(sc.AreaID), sc.From.String(), sc.To.String()
	}
	if f.Options, err = s.scopeOptions(r.Context(), lang, f.Area); err != nil {
		return sc, f, false, err
	}
	return sc, f, ok, nil
}

// scopeOptions lists the areas active today in tree order, indented by
// depth, for the scope select. A chosen area that is not active any more
// is added so the select shows what was asked for.
func (s *Server) scopeOptions(ctx context.Context, lang i18n.Lang, chosen string) ([]option, error) {
	root, err := s.areas.Root(ctx)
	if err != nil {
		if _, ok := userError(err); ok {
			return nil, nil
		}
		return nil, err
	}
	tree, err := s.areas.Tree(ctx, root.ID, s.areas.Today())
	if err != nil {
		return nil, err
	}
	var out []option
	if tree != nil {
		tree.Walk(func(n *area.Node) {
			out = append(out, option{
				Value:    itoa(n.ID),
				Label:    strings.Repeat("\u3000", n.Depth) + n.Name + " · " + levelName(lang, n.Level),
				Selected: itoa(n.ID) == chosen,
			})
		})
	}
	out = s.keepChosen(ctx, lang, out, chosen)
	for i := range out {
		out[i].Selected = out[i].Value == chosen
	}
	return out, nil
}
