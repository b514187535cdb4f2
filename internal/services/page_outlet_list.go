package services

import "net/http"

// outletList renders the outlets standing in the user's scope (or in the
// area of the path or of ?area=) today, of a ?kind=, with the count by
// kind.
func (p *pages) outletList(w http.ResponseWriter, r *http.Request) {
	areaID, name, err := p.listArea(r)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	kind := OutletKind(r.URL.Query().Get("kind"))
	if !oneOf(kind, OutletKinds) {
		kind = ""
	}
	f := OutletFilter{AreaID: areaID, Kind: kind, On: p.s.Today(), After: after(r), Limit: 50}
	rows, err := p.s.ListOutlets(r.Context(), f)
	var counts []KindCount
	if err == nil {
		counts, err = p.s.CountOutlets(r.Context(), f)
	}
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	ids, last := make([]int64, len(rows)), int64(0)
	for i, o := range rows {
		ids[i], last = o.AreaID, o.ID
	}
	p.renderList(w, r, "outlets", "ui.outlets.title", &listPage{Rows: rows, Counts: counts, AreaID: areaID, AreaName: name, Prefix: "ui.outlet.kind."}, ids, last, len(rows))
}
