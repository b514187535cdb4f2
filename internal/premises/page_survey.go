package premises

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
	"dangjian/internal/xlsx"
)

// maxSurveyBytes bounds an uploaded survey: a row per premises of a
// district, far below it.
const maxSurveyBytes = 8 << 20

// surveyPage is the survey page: the forms, or what a run found.
type surveyPage struct {
	Year     int
	Area     string
	Error    string
	Res      *SurveyResult
	Problems []web.SheetProblem
}

func (p *pages) surveyView(r *http.Request, d *surveyPage) *web.View {
	if d.Year == 0 {
		d.Year = p.s.Today().Year()
	}
	return &web.View{Title: i18n.T(web.Lang(r), "ui.survey.title"), Nav: "premises", D: d}
}

// surveyShow serves GET /premises/survey: download a year's survey, load
// one back.
func (p *pages) surveyShow(w http.ResponseWriter, r *http.Request) {
	p.Render(w, r, http.StatusOK, "survey", p.surveyView(r, &surveyPage{Area: r.URL.Query().Get("area")}))
}

// surveyExport serves GET /premises/survey/export?area=&year=&format=: the
// survey of a scope and year as a sheet, made whole before the first byte
// so that a refusal is answered as one.
func (p *pages) surveyExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		format = xlsx.FormatXLSX
	}
	year := p.s.Today().Year()
	var err error
	if v := strings.TrimSpace(q.Get("year")); v != "" {
		if year, err = strconv.Atoi(v); err != nil {
			year = 0 // refused by ExportSurvey
		}
	}
	var buf bytes.Buffer
	if format != xlsx.FormatXLSX && format != xlsx.FormatCSV {
		err = i18n.Errf("format", "err.survey_format", format)
	} else {
		_, err = p.s.ExportSurvey(r.Context(), &buf, format, web.Lang(r), web.ParseID(q.Get("area")), year)
	}
	if e, user := web.UserError(err); user && !errors.Is(err, fault.Forbidden) && !web.IsNotFound(err) {
		p.Render(w, r, http.StatusUnprocessableEntity, "survey", p.surveyView(r, &surveyPage{Area: q.Get("area"), Error: e.In(web.Lang(r))}))
		return
	}
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	if err := web.SendSheet(w, "premises-survey-"+strconv.Itoa(year), format, &buf); err != nil {
		p.Logger().Warn("premises: survey sent in part", "err", err)
	}
}

// surveyImport serves POST /premises/survey/import (multipart: file,
// mode=check or apply): a check writes nothing; an import writes every
// row or, with any problem, none. Either lists every problem.
func (p *pages) surveyImport(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	up, err := web.ReadUpload(w, r, maxSurveyBytes)
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	var res *SurveyResult
	if err == nil {
		res, err = p.s.ImportSurvey(r.Context(), bytes.NewReader(up.Data), int64(len(up.Data)), up.Name, r.FormValue("mode") != "apply")
	}
	d := &surveyPage{Res: res}
	var rowErrs []*xlsx.RowError
	if res != nil {
		rowErrs = res.Errors
	}
	status, problems, refusal, ok := web.SheetOutcome(err, ErrSurveyRows, rowErrs, lang)
	if !ok {
		p.ServerError(w, r, err)
		return
	}
	d.Problems, d.Error = problems, refusal
	if refusal != "" {
		d.Res = nil
	}
	p.Render(w, r, status, "survey", p.surveyView(r, d))
}
