package services

import (
	"net/http"

	"dangjian/internal/date"
	"dangjian/internal/web"
)

// recordList renders the service records of the user's scope (or ?area=),
// of a ?kind=, dated from ?from= to ?to=, by id, with the person-times of
// all of them by kind.
func (p *pages) recordList(w http.ResponseWriter, r *http.Request) {
	areaID, name, err := p.listArea(r)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	kind := ServiceKind(r.URL.Query().Get("kind"))
	if !oneOf(kind, ServiceKinds) {
		kind = ""
	}
	// A period (?from=, ?to=) narrows the list and its totals.
	from, err := web.ParseOn(r.URL.Query(), "from")
	var to date.Date
	if err == nil {
		to, err = web.ParseOn(r.URL.Query(), "to")
	}
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	f := RecordFilter{AreaID: areaID, Kind: kind, From: from, To: to, After: after(r), Limit: 50}
	rows, err := p.s.ListRecords(r.Context(), f)
	var totals []KindCount
	if err == nil {
		totals, err = p.s.SumRecords(r.Context(), f)
	}
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	ids, last := make([]int64, len(rows)), int64(0)
	for i, x := range rows {
		ids[i], last = x.AreaID, x.ID
	}
	p.renderList(w, r, "service_records", "ui.service_records.title", &listPage{Rows: rows, Counts: totals, AreaID: areaID, AreaName: name, Prefix: "ui.service.kind."}, ids, last, len(rows))
}
