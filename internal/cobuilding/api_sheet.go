package cobuilding

import (
	"bytes"
	"errors"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/web"
)

// sheetAPIRoutes are the API's endpoints of the co-building sheets: for
// each list an export (XLSX or CSV) and an import (all or nothing, with a
// dry run), and a unit's record of co-building as an XLSX.
func sheetAPIRoutes(h *api.Handler, st *Store) []api.Route {
	s := &apiHandlers{Handler: h, s: st}
	var out []api.Route
	for _, name := range []string{DemandSheetName, ResourceSheetName, ProjectSheetName} {
		name := name
		out = append(out,
			api.Route{Method: http.MethodGet, Path: "/api/v1/" + name + "/export", Perm: ReadCobuilding, Handle: func(w http.ResponseWriter, r *http.Request) { s.sheetExport(w, r, name) }},
			api.Route{Method: http.MethodPost, Path: "/api/v1/" + name + "/import", Perm: WriteCobuilding, Handle: func(w http.ResponseWriter, r *http.Request) { s.sheetImport(w, r, name) }})
	}
	return append(out, api.Route{Method: http.MethodGet, Path: "/api/v1/units/{id}/co-building/export", Perm: ReadUnitResources, Place: st.UnitPlace(), Handle: s.unitRecordExport})
}

// sheetExport serves GET /api/v1/{name}/export?area=&format=: the list
// as its sheet, every record in the scope (or under area).
func (h *apiHandlers) sheetExport(w http.ResponseWriter, r *http.Request, name string) {
	if err := h.s.writeSheet(r.Context(), w, r, name, api.Lang(r)); err != nil {
		h.Fail(w, r, err)
	}
}

// unitRecordExport serves GET /api/v1/units/{id}/co-building/export: the
// unit's record of co-building as an XLSX.
func (h *apiHandlers) unitRecordExport(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	if err == nil {
		err = h.s.writeUnitRecord(r.Context(), w, id, api.Lang(r))
	}
	if err != nil {
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
		lang := api.Lang(r)
		out.State, out.Changed, out.Unchanged = "refused", 0, 0
		for _, e := range res.Errors {
			out.Errors = append(out.Errors, sheetRowJSON{Line: e.Line, Column: e.Header, Message: e.Message(lang)})
		}
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}
