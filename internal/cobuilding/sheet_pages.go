package cobuilding

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"io/fs"
	"net/http"
	"strings"

	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
	"dangjian/internal/xlsx"
)

//go:embed sheet_templates/*.html
var sheetTemplateFiles embed.FS

// maxSheetBytes bounds an uploaded sheet: the lists of a district, far
// below it.
const maxSheetBytes = 8 << 20

// sheetPages are the handlers of the co-building sheets' pages.
type sheetPages struct {
	*web.Kit
	s *Store
}

// SheetPages is the co-building sheets' share of the web application: for
// the demand, resource and project lists, download the list as a sheet
// (XLSX or CSV) and load a sheet back (checked first, then imported all
// or nothing); and a unit's record of co-building as an XLSX. A module of
// its own beside Pages.
func SheetPages(st *Store) web.Module {
	tmpl, err := fs.Sub(sheetTemplateFiles, "sheet_templates")
	if err != nil {
		panic(err) // embedded at build time
	}
	return web.Module{
		Name:      "cobuilding_sheet",
		Templates: tmpl,
		Routes: func(k *web.Kit) []web.Route {
			p := &sheetPages{Kit: k, s: st}
			var routes []web.Route
			for _, name := range []string{DemandSheetName, ResourceSheetName, ProjectSheetName} {
				name := name
				routes = append(routes,
					web.Route{Pattern: "GET /" + name + "/export", Perm: ReadCobuilding, Handler: func(w http.ResponseWriter, r *http.Request) { p.export(w, r, name) }},
					web.Route{Pattern: "GET /" + name + "/import", Perm: WriteCobuilding, Handler: func(w http.ResponseWriter, r *http.Request) { p.importShow(w, r, name) }},
					web.Route{Pattern: "POST /" + name + "/import", Perm: WriteCobuilding, MaxBody: maxSheetBytes + 1<<20,
						Handler: func(w http.ResponseWriter, r *http.Request) { p.importRun(w, r, name) }})
			}
			return append(routes, web.Route{Pattern: "GET /units/{id}/co-building/export", Perm: ReadUnitResources, Place: st.UnitPlace(), Handler: p.unitExport})
		},
	}
}

// sheetFormat reads format=xlsx|csv (xlsx when absent).
func sheetFormat(r *http.Request) (string, error) {
	switch f := r.URL.Query().Get("format"); f {
	case "":
		return xlsx.FormatXLSX, nil
	case xlsx.FormatXLSX, xlsx.FormatCSV:
		return f, nil
	default:
		return "", i18n.Errf("format", "err.cob_sheet_format", f)
	}
}

// writeSheet answers with sheet name of the list under area= (the scope
// when absent). The sheet is made whole before the first byte, so that a
// refusal is answered as one.
func (s *Store) writeSheet(ctx context.Context, w http.ResponseWriter, r *http.Request, name string, lang i18n.Lang) error {
	format, err := sheetFormat(r)
	if err != nil {
		return err
	}
	var areaID int64
	if v := strings.TrimSpace(r.URL.Query().Get("area")); v != "" {
		a, err := s.Areas.Find(ctx, v)
		if err != nil {
			var ie *i18n.Error
			if errors.As(err, &ie) {
				c := *ie
				c.Field = "area"
				err = &c
			}
			return err
		}
		areaID = a.ID
	}
	var buf bytes.Buffer
	if _, err := s.ExportSheet(ctx, &buf, name, format, lang, areaID); err != nil {
		return err
	}
	return web.SendSheet(w, name+"-"+s.Today().String(), format, &buf)
}

// writeUnitRecord answers with unit id's record of co-building as an XLSX.
func (s *Store) writeUnitRecord(ctx context.Context, w http.ResponseWriter, id int64, lang i18n.Lang) error {
	var buf bytes.Buffer
	if err := s.ExportUnitRecord(ctx, &buf, id, lang); err != nil {
		return err
	}
	return web.SendSheet(w, "unit-"+itoa(int(id))+"-co-building", xlsx.FormatXLSX, &buf)
}

// export serves GET /{name}/export?area=&format=: the list as its sheet.
func (p *sheetPages) export(w http.ResponseWriter, r *http.Request, name string) {
	err := p.s.writeSheet(r.Context(), w, r, name, web.Lang(r))
	if e, user := web.UserError(err); user && !errors.Is(err, fault.Forbidden) && !web.IsNotFound(err) {
		p.Render(w, r, http.StatusUnprocessableEntity, "co_sheet", p.view(r, &coSheetPage{Name: name, Error: e.In(web.Lang(r))}))
		return
	}
	if err != nil {
		p.Fail(w, r, err)
	}
}

// unitExport serves GET /units/{id}/co-building/export: the unit's record
// of co-building as an XLSX, for its annual report.
func (p *sheetPages) unitExport(w http.ResponseWriter, r *http.Request) {
	if err := p.s.writeUnitRecord(r.Context(), w, web.ParseID(r.PathValue("id")), web.Lang(r)); err != nil {
		p.Fail(w, r, err)
	}
}

// coSheetPage is the import page of a sheet: the form, or what a run
// found.
type coSheetPage struct {
	Name     string
	Error    string
	Res      *SheetResult
	Problems []web.SheetProblem
}

func (p *sheetPages) view(r *http.Request, d *coSheetPage) *web.View {
	return &web.View{Title: i18n.T(web.Lang(r), sheetTitles[d.Name]), Nav: "cobuilding", D: d}
}

// importShow serves GET /{name}/import: the upload form.
func (p *sheetPages) importShow(w http.ResponseWriter, r *http.Request, name string) {
	p.Render(w, r, http.StatusOK, "co_sheet", p.view(r, &coSheetPage{Name: name}))
}

// importRun serves POST /{name}/import (multipart: file, mode=check or
// apply): a check writes nothing; an import writes every row or, with any
// problem, none. Either lists every problem by line and column.
func (p *sheetPages) importRun(w http.ResponseWriter, r *http.Request, name string) {
	lang := web.Lang(r)
	up, err := web.ReadUpload(w, r, maxSheetBytes)
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	var res *SheetResult
	if err == nil {
		res, err = p.s.ImportSheet(r.Context(), name, bytes.NewReader(up.Data), int64(len(up.Data)), up.Name, r.FormValue("mode") != "apply")
	}
	d := &coSheetPage{Name: name, Res: res}
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
	p.Render(w, r, status, "co_sheet", p.view(r, d))
}

// sheetTitles are the import pages' title keys, by sheet name.
var sheetTitles = map[string]string{
	"demands":     "ui.cob_sheet.title.demands",
	"resources":   "ui.cob_sheet.title.resources",
	"co-projects": "ui.cob_sheet.title.co_projects",
}
