package services

import "net/http"

// designationList renders the designations in force today in the user's
// scope (or ?area=), of a ?kind=, with the count by kind.
func (p *pages) designationList(w http.ResponseWriter, r *http.Request) {
	areaID, name, err := p.listArea(r)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	kind := DesignationKind(r.URL.Query().Get("kind"))
	if !oneOf(kind, DesignationKinds) {
		kind = ""
	}
	f := DesignationFilter{AreaID: areaID, Kind: kind, On: p.s.Today(), After: after(r), Limit: 50}
	rows, err := p.s.ListDesignations(r.Context(), f)
	var counts []KindCount
	if err == nil {
		counts, err = p.s.CountDesignations(r.Context(), f)
	}
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	ids, last := make([]int64, len(rows)), int64(0)
	for i, d := range rows {
		ids[i], last = d.AreaID, d.ID
	}
	p.renderList(w, r, "designations", "ui.designations.title", &listPage{Rows: rows, Counts: counts, AreaID: areaID, AreaName: name, Prefix: "ui.designation.kind."}, ids, last, len(rows))
}
