package premises

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/api"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
	"dangjian/internal/xlsx"
)

// surveyExport serves GET /api/v1/premises/survey?area=&year=&format=: the
// survey sheet of a scope and year (XLSX or CSV), made whole before the
// first byte so that a refusal is answered as one.
func (h *apiHandlers) surveyExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		format = xlsx.FormatXLSX
	}
	year := h.s.Today().Year()
	if v := strings.TrimSpace(q.Get("year")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			n = 0 // refused by ExportSurvey as a year out of range
		}
		year = n
	}
	var buf bytes.Buffer
	var err error
	if format != xlsx.FormatXLSX && format != xlsx.FormatCSV {
		err = i18n.Errf("format", "err.survey_format", format)
	} else {
		_, err = h.s.ExportSurvey(r.Context(), &buf, format, api.Lang(r), web.ParseID(q.Get("area")), year)
	}
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	_ = web.SendSheet(w, "premises-survey-"+strconv.Itoa(year), format, &buf)
}

// surveyImportJSON is what an import of the survey found and did: state
// done (written, or for a dry run checked and nothing written) or refused
// (bad rows: every problem listed, nothing written).
type surveyImportJSON struct {
	DryRun    bool            `json:"dry_run"`
	State     string          `json:"state"`
	Rows      int             `json:"rows"`
	Added     int             `json:"added"`
	Unchanged int             `json:"unchanged"`
	Errors    []surveyRowJSON `json:"errors"`
}

// surveyRowJSON is one refused cell: its line, column and message.
type surveyRowJSON struct {
	Line    int    `json:"line"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

// surveyImport serves POST /api/v1/premises/survey (multipart/form-data:
// file, dry_run): the survey applied all or nothing.
func (h *apiHandlers) surveyImport(w http.ResponseWriter, r *http.Request) {
	up, err := web.ReadUpload(w, r, maxSurveyBytes)
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	dry := r.FormValue("dry_run") != "" && r.FormValue("dry_run") != "false"
	var res *SurveyResult
	if err == nil {
		res, err = h.s.ImportSurvey(r.Context(), bytes.NewReader(up.Data), int64(len(up.Data)), up.Name, dry)
	}
	if err != nil && !errors.Is(err, ErrSurveyRows) {
		h.Fail(w, r, api.Relabel(err, "", "file"))
		return
	}
	out := surveyImportJSON{DryRun: dry, State: "done", Rows: res.Rows, Added: res.Added, Unchanged: res.Unchanged, Errors: []surveyRowJSON{}}
	if err != nil {
		lang := api.Lang(r)
		out.State, out.Added, out.Unchanged = "refused", 0, 0
		for _, e := range res.Errors {
			out.Errors = append(out.Errors, surveyRowJSON{Line: e.Line, Column: e.Header, Message: e.Message(lang)})
		}
	}
	h.WriteJSON(w, r, http.StatusOK, out)
}
