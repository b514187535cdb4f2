package services

import "net/http"

// deedList renders the good deeds of areas of the user's scope (or
// ?area=), of a ?kind=, with the count by kind.
func (p *pages) deedList(w http.ResponseWriter, r *http.Request) {
	areaID, name, err := p.listArea(r)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	kind := DeedKind(r.URL.Query().Get("kind"))
	if !oneOf(kind, DeedKinds) {
		kind = ""
	}
	f := DeedFilter{AreaID: areaID, Kind: kind, After: after(r), Limit: 50}
	rows, err := p.s.ListDeeds(r.Context(), f)
	var counts []KindCount
	if err == nil {
		counts, err = p.s.CountDeeds(r.Context(), f)
	}
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	ids, last := make([]int64, len(rows)), int64(0)
	for i, x := range rows {
		ids[i], last = x.AreaID, x.ID
	}
	p.renderList(w, r, "good_deeds", "ui.deeds.title", &listPage{Rows: rows, Counts: counts, AreaID: areaID, AreaName: name, Prefix: "ui.deed.kind."}, ids, last, len(rows))
}
