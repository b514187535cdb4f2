package services

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"

	"dangjian/internal/api"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
	"dangjian/internal/xlsx"
)

// writePetitionSheet answers with the petitions' sheet of the cases under
// area= (a name or id; the scope when absent) received from from= to to=,
// in format= (xlsx or csv). The sheet is made whole before the first
// byte, so that a refusal is answered as one.
func (s *PetitionStore) writePetitionSheet(ctx context.Context, w http.ResponseWriter, r *http.Request, lang i18n.Lang) error {
	format := r.URL.Query().Get("format")
	switch format {
	case "":
		format = xlsx.FormatXLSX
	case xlsx.FormatXLSX, xlsx.FormatCSV:
	default:
		return i18n.Errf("format", "err.svc_sheet_format", format)
	}
	var f PetitionSheetFilter
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
	if _, err := s.ExportPetitionSheet(ctx, &buf, format, lang, f); err != nil {
		return err
	}
	return web.SendSheet(w, PetitionSheetName+"-"+s.Today().String(), format, &buf)
}

// sheetExport serves GET /api/v1/petitions/export?area=&from=&to=&format=:
// the cases of the scope (or under area) received in the period, as the
// petitions' sheet.
func (a *petitionAPI) sheetExport(w http.ResponseWriter, r *http.Request) {
	if err := a.s.writePetitionSheet(r.Context(), w, r, api.Lang(r)); err != nil {
		a.Fail(w, r, err)
	}
}

// sheetImport serves POST /api/v1/petitions/import (multipart/form-data:
// file, dry_run): the petitions' sheet applied all or nothing, every
// problem listed by line and column.
func (a *petitionAPI) sheetImport(w http.ResponseWriter, r *http.Request) {
	up, err := web.ReadUpload(w, r, maxSheetBytes)
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	dry := r.FormValue("dry_run") != "" && r.FormValue("dry_run") != "false"
	var res *SheetResult
	if err == nil {
		res, err = a.s.ImportPetitionSheet(r.Context(), bytes.NewReader(up.Data), int64(len(up.Data)), up.Name, dry)
	}
	if err != nil && !errors.Is(err, ErrSheetRows) {
		a.Fail(w, r, api.Relabel(err, "", "file"))
		return
	}
	out := sheetImportJSON{DryRun: dry, State: "done", Rows: res.Rows, Changed: res.Changed, Unchanged: res.Unchanged, Errors: []sheetRowJSON{}}
	if err != nil {
		out.State, out.Changed, out.Unchanged = "refused", 0, 0
		for _, e := range res.Errors {
			out.Errors = append(out.Errors, sheetRowJSON{Line: e.Line, Column: e.Header, Message: e.Message(api.Lang(r))})
		}
	}
	a.WriteJSON(w, r, http.StatusOK, out)
}
