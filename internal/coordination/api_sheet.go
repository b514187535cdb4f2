package coordination

import (
	"errors"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/web"
)

// actionExport serves GET /api/v1/actions/export: the action list (as
// GET /api/v1/actions selects it, every page) as the action sheet, XLSX or
// CSV (format=).
func (h *apiHandlers) actionExport(w http.ResponseWriter, r *http.Request) {
	f, format, err := h.s.sheetQuery(r)
	if err == nil {
		err = h.s.writeSheet(r.Context(), w, f, format, api.Lang(r))
	}
	if err != nil {
		h.Fail(w, r, err)
	}
}

// sheetImportJSON is what an import of the sheet found and did: state
// done (written, or for a dry run checked and nothing written) or refused
// (bad rows: every problem listed, nothing written).
type sheetImportJSON struct {
	DryRun    bool           `json:"dry_run"`
	State     string         `json:"state"`
	Rows      int            `json:"rows"`
	Changed   int            `json:"changed"`
	Unchanged int            `json:"unchanged"`
	Errors    []sheetRowJSON `json:"errors"`
}

// sheetRowJSON is one refused cell: its line, column and message.
type sheetRowJSON struct {
	Line    int    `json:"line"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

// actionImport serves POST /api/v1/actions/import (multipart/form-data:
// file, dry_run): the sheet applied all or nothing, synchronously (the
// sheet of a scope's actions is small).
func (h *apiHandlers) actionImport(w http.ResponseWriter, r *http.Request) {
	up, err := web.ReadUpload(w, r, maxSheetBytes)
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	dry := r.FormValue("dry_run") != "" && r.FormValue("dry_run") != "false"
	var res *SheetResult
	if err == nil {
		res, err = h.s.importUpload(r.Context(), up, dry)
	}
	if err != nil && !errors.Is(err, ErrSheetRows) {
		h.Fail(w, r, api.Relabel(err, "", "file"))
		return
	}
	out := sheetImportJSON{DryRun: dry, State: "done", Rows: res.Rows, Changed: res.Changed, Unchanged: res.Unchanged, Errors: []sheetRowJSON{}}
	lang := api.Lang(r)
	if err != nil {
		out.State, out.Changed, out.Unchanged = "refused", 0, 0
		for _, e := range res.Errors {
			out.Errors = append(out.Errors, sheetRowJSON{Line: e.Line, Column: e.Header, Message: e.Message(lang)})
		}
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}
