package services

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"

	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
	"dangjian/internal/xlsx"
)

// maxSheetBytes bounds an uploaded sheet: a district's records, far below
// it.
const maxSheetBytes = 8 << 20

// sheetRoutes are the sheets' pages: for each of outlets, designations,
// service records, placements and good deeds, download the list as a
// sheet (XLSX or CSV) and load a sheet back (checked first, then imported
// all or nothing).
func (p *pages) sheetRoutes() []web.Route {
	var routes []web.Route
	for _, name := range SheetNames {
		routes = append(routes,
			web.Route{Pattern: "GET /" + name + "/export", Perm: ReadServices, Handler: func(w http.ResponseWriter, r *http.Request) { p.sheetExport(w, r, name) }},
			web.Route{Pattern: "GET /" + name + "/import", Perm: WriteServices, Handler: func(w http.ResponseWriter, r *http.Request) { p.sheetShow(w, r, name) }},
			web.Route{Pattern: "POST /" + name + "/import", Perm: WriteServices, MaxBody: maxSheetBytes + 1<<20,
				Handler: func(w http.ResponseWriter, r *http.Request) { p.sheetImport(w, r, name) }})
	}
	return routes
}

// writeSheet answers with sheet name of the records under area= (a name
// or id; the scope when absent), for service records, placements and good
// deeds dated from from= to to=, in format= (xlsx or csv). The sheet is
// made whole before the first byte, so that a refusal is answered as one.
func (s *Store) writeSheet(ctx context.Context, w http.ResponseWriter, r *http.Request, name string, lang i18n.Lang) error {
	format := r.URL.Query().Get("format")
	switch format {
	case "":
		format = xlsx.FormatXLSX
	case xlsx.FormatXLSX, xlsx.FormatCSV:
	default:
		return i18n.Errf("format", "err.svc_sheet_format", format)
	}
	var f SheetFilter
	var err error
	if f.From, err = web.ParseOn(r.URL.Query(), "from"); err != nil {
		return err
	}
	if f.To, err = web.ParseOn(r.URL.Query(), "to"); err != nil {
		return err
	}
	if v := strings.TrimSpace(r.URL.Query().Get("area")); v != "" {
		a, err := s.Areas.Find(ctx, v)
		if e, ok := err.(*i18n.Error); ok {
			c := *e
			c.Field = "area"
			return &c
		}
		if err != nil {
			return err
		}
		f.AreaID = a.ID
	}
	var buf bytes.Buffer
	if _, err := s.ExportSheet(ctx, &buf, name, format, lang, f); err != nil {
		return err
	}
	return web.SendSheet(w, name+"-"+s.Today().String(), format, &buf)
}

// sheetExport serves GET /{name}/export?area=&format=: the list as its
// sheet.
func (p *pages) sheetExport(w http.ResponseWriter, r *http.Request, name string) {
	err := p.s.writeSheet(r.Context(), w, r, name, web.Lang(r))
	if e, user := web.UserError(err); user && !errors.Is(err, fault.Forbidden) && !web.IsNotFound(err) {
		p.Render(w, r, http.StatusUnprocessableEntity, "sheet_services", p.sheetView(r, &sheetPage{Name: name, Error: e.In(web.Lang(r))}))
		return
	}
	if err != nil {
		p.Fail(w, r, err)
	}
}

// sheetPage is the import page of a sheet: the form, or what a run found.
type sheetPage struct {
	Name     string
	Error    string
	Res      *SheetResult
	Problems []web.SheetProblem
	// Sheets are the five sheets' import pages (Value the path).
	Sheets []web.Option
}

// sheetTitle is the title of sheet name's page in lang.
func sheetTitle(lang i18n.Lang, name string) string {
	return i18n.T(lang, "ui.svc_sheet.title."+strings.ReplaceAll(name, "-", "_"))
}

func (p *pages) sheetView(r *http.Request, d *sheetPage) *web.View {
	lang := web.Lang(r)
	for _, name := range SheetNames {
		d.Sheets = append(d.Sheets, web.Option{Value: "/" + name + "/import", Label: sheetTitle(lang, name)})
	}
	return &web.View{Title: sheetTitle(lang, d.Name), Nav: "services", D: d}
}

// sheetShow serves GET /{name}/import: the upload form.
func (p *pages) sheetShow(w http.ResponseWriter, r *http.Request, name string) {
	p.Render(w, r, http.StatusOK, "sheet_services", p.sheetView(r, &sheetPage{Name: name}))
}

// sheetImport serves POST /{name}/import (multipart: file, mode=check or
// apply): a check writes nothing; an import writes every row or, with any
// problem, none. Either lists every problem by line and column.
func (p *pages) sheetImport(w http.ResponseWriter, r *http.Request, name string) {
	up, err := web.ReadUpload(w, r, maxSheetBytes)
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	var res *SheetResult
	if err == nil {
		res, err = p.s.ImportSheet(r.Context(), name, bytes.NewReader(up.Data), int64(len(up.Data)), up.Name, r.FormValue("mode") != "apply")
	}
	d := &sheetPage{Name: name, Res: res}
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
	p.Render(w, r, status, "sheet_services", p.sheetView(r, d))
}
