package report

import (
	"net/http"

	"dangjian/internal/area"
	"dangjian/internal/figures"
	"dangjian/internal/web"
)

// ScopeForm is the scope and period picker of the figures and speech
// pages, for another module's page about a scope (the dashboard): put it
// in the page's data as Scope and the shared partial "scopeform" shows it.
type ScopeForm = scopeForm

// ResolveScopeForm reads ?area=&from=&to= as the figures page does: the
// caller's own area and the current year by default; a refusal comes back
// with ok false and its message in the form (Status 403 for an area
// outside the caller's scope, recorded in the audit trail), other errors
// as err.
func ResolveScopeForm(k *web.Kit, areas *area.Store, r *http.Request, action string) (s figures.Scope, f *ScopeForm, ok bool, err error) {
	return (&pages{Kit: k, areas: areas}).resolveScope(r, action)
}
