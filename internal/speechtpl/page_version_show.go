package speechtpl

import (
	"net/http"
	"strconv"

	"dangjian/internal/area"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// versionPage is the data of a version's page: its parts, and its diff
// from another version of the same area and language.
type versionPage struct {
	Area    area.Area
	Version versionRow
	// With is the version compared with (0: none); Others are the
	// versions one may choose to compare with.
	With int64
	// OldNum and NewNum are the numbers of the older and the newer of
	// the two compared.
	OldNum, NewNum int
	Others         []versionRow
	Diff           []PartDiff
	CanWrite       bool
}

// versionShow shows a version and its diff from the version ?with= names
// (by default the one before it).
func (p *pages) versionShow(w http.ResponseWriter, r *http.Request) {
	ctx, ui := r.Context(), web.Lang(r)
	v, ok := web.LoadByPath(p.Kit, w, r, "speech template version", p.s.Version)
	if !ok {
		return
	}
	a, err := p.s.Areas.Get(ctx, v.AreaID)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	all, err := p.s.Versions(ctx, v.AreaID, v.Lang)
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	page := &versionPage{Area: a, Version: versionRow{Version: v, When: when(v.At), Origin: originWords(ui, v)}}
	if pr, ok := web.Principal(r); ok {
		page.CanWrite = pr.Can(WriteTemplates)
	}
	with, _ := strconv.ParseInt(r.URL.Query().Get("with"), 10, 64)
	var other *Version
	for i := range all {
		o := all[i]
		if o.ID == v.ID {
			continue
		}
		page.Others = append(page.Others, versionRow{Version: o, When: when(o.At), Origin: originWords(ui, o)})
		if o.ID == with || (with == 0 && other == nil && o.Number < v.Number) {
			other = &all[i]
		}
	}
	if with != 0 && other == nil {
		// Another area's or language's version: not comparable here.
		p.NotFound(w, r)
		return
	}
	if other != nil {
		page.With, page.OldNum, page.NewNum = other.ID, other.Number, v.Number
		older, newer := other.Parts, v.Parts
		if other.Number > v.Number {
			older, newer = v.Parts, other.Parts
			page.OldNum, page.NewNum = v.Number, other.Number
		}
		page.Diff = Diff(older, newer)
	}
	p.Render(w, r, http.StatusOK, "speech_template_version", &web.View{Title: i18n.T(ui, "ui.tpl.version_title", a.Name, v.Number), Nav: "speech-template", D: page})
}
