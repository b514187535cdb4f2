package services

import (
	"bytes"
	"errors"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/web"
)

// sheetAPIRoutes are the API's endpoints of part four (b)'s sheets: for
// outlets, designations, service records, placements and good deeds an
// export (XLSX or CSV) and an import (all or nothing, with a dry run).
func sheetAPIRoutes(h *apiHandlers) []api.Route {
	var out []api.Route
	for _, name := range SheetNames {
		out = append(out,
			api.Route{Method: http.MethodGet, Path: "/api/v1/" + name + "/export", Perm: ReadServices, Handle: func(w http.ResponseWriter, r *http.Request) { h.sheetExport(w, r, name) }},
			api.Route{Method: http.MethodPost, Path: "/api/v1/" + name + "/import", Perm: WriteServices, Handle: func(w http.ResponseWriter, r *http.Request) { h.sheetImport(w, r, name) }})
	}
	return out
}

// sheetExport serves GET /api/v1/{name}/export?area=&format=: the list
// as its sheet, every record in the scope (or under area).
func (h *apiHandlers) sheetExport(w http.ResponseWriter, r *http.Request, name string) {
	if err := h.s.writeSheet(r.Context(), w, r, name, api.Lang(r)); err != nil {
		h.Fail(w, r, err)
	}
}

// sheetImportJSON is what an import of a sheet found and did: state done
// (written, or for a dry run checked and nothing written) or refused (bad
// rows: every problem listed, nothing written).
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

// sheetImport serves POST /api/v1/{name}/import (multipart/form-data:
// file, dry_run): the sheet applied all or nothing.
func (h *apiHandlers) sheetImport(w http.ResponseWriter, r *http.Request, name string) {
	up, err := web.ReadUpload(w, r, maxSheetBytes)
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	dry := r.FormValue("dry_run") != "" && r.FormValue("dry_run") != "false"
	var res *SheetResult
	if err == nil {
		res, err = h.s.ImportSheet(r.Context(), name, bytes.NewReader(up.Data), int64(len(up.Data)), up.Name, dry)
	}
	if err != nil && !errors.Is(err, ErrSheetRows) {
		h.Fail(w, r, api.Relabel(err, "", "file"))
		return
	}
	out := sheetImportJSON{DryRun: dry, State: "done", Rows: res.Rows, Changed: res.Changed, Unchanged: res.Unchanged, Errors: []sheetRowJSON{}}
	if err != nil {
		out.State, out.Changed, out.Unchanged = "refused", 0, 0
		for _, e := range res.Errors {
			out.Errors = append(out.Errors, sheetRowJSON{Line: e.Line, Column: e.Header, Message: e.Message(api.Lang(r))})
		}
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}
