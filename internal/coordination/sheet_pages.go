package coordination

import (
	"embed"
	"errors"
	"net/http"

	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
	"dangjian/internal/xlsx"
)

//go:embed sheet_templates/*.html
var sheetTemplateFiles embed.FS

// sheetPages are the handlers of the action sheet's pages.
type sheetPages struct {
	*web.Kit
	s *Store
}

// SheetPages is the action sheet's share of the web application: download
// the action list as a sheet, and load a sheet back (checked first, then
// imported all or nothing). A module of its own beside Pages.
func SheetPages(st *Store) web.Module {
	tmpl, err := fsSub(sheetTemplateFiles, "sheet_templates")
	if err != nil {
		panic(err) // embedded at build time
	}
	return web.Module{
		Name:      "coordination_sheet",
		Templates: tmpl,
		Routes: func(k *web.Kit) []web.Route {
			p := &sheetPages{Kit: k, s: st}
			return []web.Route{
				{Pattern: "GET /actions/export", Perm: ReadCoordination, Handler: p.export},
				{Pattern: "GET /actions/import", Perm: WriteCoordination, Handler: p.importShow},
				{Pattern: "POST /actions/import", Perm: WriteCoordination, Handler: p.importRun, MaxBody: maxSheetBytes + 1<<20},
			}
		},
	}
}

// export serves GET /actions/export?due=&conference=&owner=&area=&format=:
// the action list as the sheet.
func (p *sheetPages) export(w http.ResponseWriter, r *http.Request) {
	f, format, err := p.s.sheetQuery(r)
	if err == nil {
		err = p.s.writeSheet(r.Context(), w, f, format, web.Lang(r))
	}
	if e, user := web.UserError(err); user && !errors.Is(err, fault.Forbidden) && !web.IsNotFound(err) {
		p.Render(w, r, http.StatusUnprocessableEntity, "action_sheet", p.view(r, &sheetPage{Error: e.In(web.Lang(r))}))
		return
	}
	if err != nil {
		p.Fail(w, r, err)
	}
}

// sheetPage is the import page: the form, or what a run found.
type sheetPage struct {
	Error    string
	Res      *SheetResult
	Problems []web.SheetProblem
}

func (p *sheetPages) view(r *http.Request, d *sheetPage) *web.View {
	return &web.View{Title: i18n.T(web.Lang(r), "ui.sheet.title"), Nav: "coordination", D: d}
}

// importShow serves GET /actions/import: the upload form.
func (p *sheetPages) importShow(w http.ResponseWriter, r *http.Request) {
	p.Render(w, r, http.StatusOK, "action_sheet", p.view(r, &sheetPage{}))
}

// importRun serves POST /actions/import (multipart: file, mode=check or
// apply): a check writes nothing; an import writes every row or, with any
// problem, none. Either lists every problem by line and column.
func (p *sheetPages) importRun(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	up, err := web.ReadUpload(w, r, maxSheetBytes)
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	var res *SheetResult
	if err == nil {
		res, err = p.s.importUpload(r.Context(), up, r.FormValue("mode") != "apply")
	}
	d := &sheetPage{Res: res}
	var rowErrs []*xlsx.RowError
	if res != nil {
		rowErrs = res.Errors
	}
	status, problems, refusal, ok := web.SheetOutcome(err, ErrSheetRows, rowErrs, lang)
	if !ok {
		p.ServerError(w, r, err)
		return
	}
	d.Problems, d.Error = problems, refusal
	if refusal != "" {
		d.Res = nil
	}
	p.Render(w, r, status, "action_sheet", p.view(r, d))
}
