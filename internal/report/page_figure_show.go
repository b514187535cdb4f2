package report

import (
	"dangjian/internal/area"
	"dangjian/internal/web"
	"fmt"
	"net/http"

	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// recordRow is one record behind a figure.
type recordRow struct {
	Name   string
	Href   string
	On     string
	Detail string
	// Lacking marks, for a percentage, a record that does not count
	// towards it (a community without a party organisation).
	Lacking bool
}

// figurePage is the data of one figure's records page.
type figurePage struct {
	Scope     *scopeForm
	ScopeName string
	Key       string
	Label     string
	Value     string
	Unit      string
	Percent   bool
	HasDetail bool
	Lacking   int
	Records   []recordRow
	// Truncated: there are more records than the page lists.
	Truncated bool
}

// MaxFigureRecords is how many records a figure's page lists (a province
// has 8,000 communities; a city two million members, which no page shows).
var MaxFigureRecords = 10_000

// figureShow renders one figure's value and the records behind it; for a
// percentage the records that do not count (the communities lacking a party
// organisation) come first and are marked.
func (s *pages) figureShow(w http.ResponseWriter, r *http.Request) {
	f := figures.Get(r.PathValue("key"))
	if f == nil {
		s.NotFound(w, r)
		return
	}
	lang := web.Lang(r)
	sc, form, ok, err := s.resolveScope(r, "/figures/"+f.Key)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page := &figurePage{Scope: form, Key: f.Key, Label: f.Label(lang), Unit: f.Unit(lang), Percent: f.Agg == figures.Percent}
	v := &web.View{Title: f.Label(lang), Nav: "figures", D: page}
	if !ok {
		s.Render(w, r, form.Status, "figure", v)
		return
	}
	page.ScopeName = sc.AreaName
	q := s.db.Reader()
	val, err := f.Compute(r.Context(), q, sc)
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("web: figure %s: %w", f.Key, err))
		return
	}
	page.Value = f.Format(val)
	recs, more, err := f.RecordsUpTo(r.Context(), q, sc, MaxFigureRecords)
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("web: figure %s records: %w", f.Key, err))
		return
	}
	page.Truncated = more
	for _, rec := range recs {
		row := recordRow{Name: rec.Name, Href: area.URL(rec.AreaID), On: rec.On.String(), Detail: recordDetail(lang, rec)}
		if page.Percent && !rec.Flag {
			row.Lacking = true
			page.Lacking++
		}
		page.HasDetail = page.HasDetail || row.Detail != ""
		page.Records = append(page.Records, row)
	}
	s.Render(w, r, http.StatusOK, "figure", v)
}

// recordDetail explains a record in lang: the kind of event, the community
// a branch belongs to, the organisation a re-formed one came from.
func recordDetail(lang i18n.Lang, rec figures.Record) string {
	if rec.Detail == "" {
		return ""
	}
	switch rec.Kind {
	case "area":
		if k := "ui.event_kind." + rec.Detail; i18n.Has(k) {
			return i18n.T(lang, k)
		}
	case "party_org":
		return i18n.T(lang, "ui.record.in_area", rec.Detail)
	case "party_org_event":
		return i18n.T(lang, "ui.record.reformed_from", rec.Detail)
	}
	return rec.Detail
}
