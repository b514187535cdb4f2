package services

import "net/http"

// placementList renders the placements by areas of the user's scope (or
// ?area=) by id, the ID numbers masked.
func (p *pages) placementList(w http.ResponseWriter, r *http.Request) {
	areaID, name, err := p.listArea(r)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	rows, err := p.s.ListPlacements(r.Context(), PlacementFilter{AreaID: areaID, After: after(r), Limit: 50})
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	ids, last := make([]int64, len(rows)), int64(0)
	for i, x := range rows {
		ids[i], last = x.AreaID, x.ID
	}
	p.renderList(w, r, "placements", "ui.placements.title", &listPage{Rows: rows, AreaID: areaID, AreaName: name}, ids, last, len(rows))
}
