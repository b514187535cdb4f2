package services

import (
	"bytes"
	"errors"
	"net/http"

	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
	"dangjian/internal/xlsx"
)

// petitionSheetView is the petitions' sheet page: the form, or what a run
// found.
type petitionSheetView struct {
	Error    string
	Res      *SheetResult
	Problems []web.SheetProblem
}

func (p *petitionPages) sheetView(r *http.Request, d *petitionSheetView) *web.View {
	return &web.View{Title: i18n.T(web.Lang(r), "ui.petition_sheet.title"), Nav: "petitions", D: d}
}

// sheetExport serves GET /petitions/export?area=&from=&to=&format=: the
// cases as the petitions' sheet.
func (p *petitionPages) sheetExport(w http.ResponseWriter, r *http.Request) {
	err := p.s.writePetitionSheet(r.Context(), w, r, web.Lang(r))
	if e, user := web.UserError(err); user && !errors.Is(err, fault.Forbidden) && !web.IsNotFound(err) {
		p.Render(w, r, http.StatusUnprocessableEntity, "petition_sheet", p.sheetView(r, &petitionSheetView{Error: e.In(web.Lang(r))}))
		return
	}
	if err != nil {
		p.Fail(w, r, err)
	}
}

// sheetShow serves GET /petitions/import: the upload form.
func (p *petitionPages) sheetShow(w http.ResponseWriter, r *http.Request) {
	p.Render(w, r, http.StatusOK, "petition_sheet", p.sheetView(r, &petitionSheetView{}))
}

// sheetImport serves POST /petitions/import (multipart: file, mode=check
// or apply): a check writes nothing; an import writes every row or, with
// any problem, none. Either lists every problem by line and column.
func (p *petitionPages) sheetImport(w http.ResponseWriter, r *http.Request) {
	up, err := web.ReadUpload(w, r, maxSheetBytes)
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	var res *SheetResult
	if err == nil {
		res, err = p.s.ImportPetitionSheet(r.Context(), bytes.NewReader(up.Data), int64(len(up.Data)), up.Name, r.FormValue("mode") != "apply")
	}
	d := &petitionSheetView{Res: res}
	var rowErrs []*xlsx.RowError
	if res != nil {
		rowErrs = res.Errors
	}
	status, problems, refusal, ok := web.SheetOutcome(err, ErrSheetRows, rowErrs, web.Lang(r))
	if !ok {
		p.ServerError(w, r, err)
		return
	}
	d.Problems, d.Error = problems, refusal
	if refusal != "" {
		d.Res = nil
	}
	p.Render(w, r, status, "petition_sheet", p.sheetView(r, d))
}
