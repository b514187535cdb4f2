package coordination

import (
	"context"
	"net/http"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// unitActionsPage is the list of the actions a unit owns.
type unitActionsPage struct {
	UnitID   int64
	UnitName string
	Rows     []Action
	Today    date.Date
	// CanWrite: the user may record progress; CanRead: may open an
	// action's own page (a unit liaison may not).
	CanWrite, CanRead bool
}

// unitActions renders the actions unit {id} owns, open ones first in due
// order with the overdue marked, each with its progress form: the page a
// unit's liaison works from.
func (p *pages) unitActions(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := web.ParseID(r.PathValue("id"))
	name, err := p.s.UnitName(ctx, id)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	rows, err := p.s.UnitActions(ctx, id)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	u, _ := web.Principal(r)
	lang := web.Lang(r)
	p.Render(w, r, http.StatusOK, "unit_actions", &web.View{Title: i18n.T(lang, "ui.unit_actions.title", name), D: &unitActionsPage{
		UnitID: id, UnitName: name, Rows: rows, Today: p.s.Today(), CanWrite: u.Can(WriteUnitActions), CanRead: u.Can(ReadCoordination)}})
}

// unitActionProgress shows and applies the progress form of an action
// unit {id} owns; an action of another owner is not found here.
func (p *pages) unitActionProgress(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	lang := web.Lang(r)
	unitID := web.ParseID(r.PathValue("id"))
	name, err := p.s.UnitName(ctx, unitID)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	v, err := p.s.ActionView(ctx, web.ParseID(r.PathValue("action")))
	if err == nil && v.OwnerUnitID != unitID {
		err = notFound("action_id", "err.action_not_unit_owned", v.ID)
	}
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	back := "/units/" + web.Itoa(unitID) + "/actions"
	spec := p.progressSpec(lang, v, back, func(ctx2 context.Context, in UpdateInput) error { return p.s.UpdateUnitAction(ctx2, unitID, in) })
	spec.Crumbs = []web.Crumb{{Label: name, Href: "/units/" + web.Itoa(unitID)}, {Label: i18n.T(lang, "ui.unit_actions.short"), Href: back}}
	p.ServeForm(w, r, spec)
}
