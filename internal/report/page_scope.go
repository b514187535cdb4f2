package report

import (
	"dangjian/internal/web"
	"net/http"
	"net/url"
	"strings"

	"dangjian/internal/figures"
)

// scopeForm is the scope and period picker shared by the figures and
// speech pages: what the user typed, the choices and any refusal.
type scopeForm struct {
	Action string
	Area   string
	From   string
	To     string
	// AreaField is the area's picker (web.Picker "areas").
	AreaField web.Field
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
func (s *pages) resolveScope(r *http.Request, action string) (figures.Scope, *scopeForm, bool, error) {
	lang := web.Lang(r)
	q := r.URL.Query()
	f := &scopeForm{Action: action, From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to"))}
	_, err := s.Pick(r.Context(), "areas", q, "area", nil) // a name typed without the script
	f.Area = strings.TrimSpace(q.Get("area"))
	var sc figures.Scope
	if err == nil {
		sc, err = ResolveScope(r.Context(), s.areas, f.Area, f.From, f.To)
	}
	ok := true
	if err != nil {
		e, isUser := web.UserError(err)
		if !isUser {
			return sc, f, false, err
		}
		ok = false
		f.Status = web.UserErrorStatus(e)
		if f.Status == http.StatusForbidden {
			s.AuditDenied(r, e.Key)
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
		f.Area, f.From, f.To = web.Itoa(sc.AreaID), sc.From.String(), sc.To.String()
		q = url.Values{"area": {f.Area}}
		if _, err := s.Pick(r.Context(), "areas", q, "area", nil); err != nil {
			return sc, f, false, err
		}
	}
	f.AreaField = web.Field{Name: "area", Pick: "areas", Value: f.Area, Text: q.Get("area_q")}
	return sc, f, ok, nil
}
