package speechtpl

import (
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
)

// templateJSON is an area's template in one language: the parts its
// speech is filled from now and where they come from, and its own versions
// (without their parts), the latest first.
type templateJSON struct {
	AreaID int64  `json:"area_id"`
	Lang   string `json:"lang"`
	// Source is "own", "inherited" or "default"; FromArea and Number name
	// the version in use (0 for the default).
	Source   string        `json:"source"`
	FromArea int64         `json:"from_area_id,omitempty"`
	Number   int           `json:"number,omitempty"`
	Parts    []string      `json:"parts"`
	Versions []versionJSON `json:"versions"`
}

// versionJSON is a version in a list.
type versionJSON struct {
	ID           int64  `json:"id"`
	Number       int    `json:"number"`
	Origin       string `json:"origin"`
	RestoredFrom int    `json:"restored_from,omitempty"`
	By           string `json:"by"`
	At           string `json:"at"`
}

// templateLangOf is ?lang= (the template's language), else the request's.
func templateLangOf(r *http.Request) i18n.Lang {
	if l := r.URL.Query().Get("tpl_lang"); l != "" {
		return i18n.Lang(l)
	}
	return api.Lang(r)
}

// templateGet serves GET /api/v1/areas/{id}/speech-template?tpl_lang=.
func (a *apiHandlers) templateGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	lang := templateLangOf(r)
	versions, err := a.s.Versions(r.Context(), id, lang)
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	cur, err := a.s.Inherited(r.Context(), id, lang)
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	out := templateJSON{AreaID: id, Lang: string(lang), Source: "default", Versions: []versionJSON{}}
	switch {
	case cur == nil:
		if out.Parts, err = report.DefaultParts(lang); err != nil {
			a.Fail(w, r, err)
			return
		}
	default:
		out.Source, out.FromArea, out.Number, out.Parts = "inherited", cur.AreaID, cur.Number, cur.Parts
		if cur.AreaID == id {
			out.Source = "own"
		}
	}
	for _, v := range versions {
		out.Versions = append(out.Versions, versionJSON{ID: v.ID, Number: v.Number, Origin: v.Origin, RestoredFrom: v.RestoredFrom, By: v.By, At: v.At.Format("2006-01-02T15:04:05Z07:00")})
	}
	a.WriteJSON(w, r, http.StatusOK, out)
}

// versionGet serves GET /api/v1/speech-template-versions/{id}.
func (a *apiHandlers) versionGet(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	v, err := a.s.Version(r.Context(), id)
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	a.WriteJSON(w, r, http.StatusOK, v)
}
