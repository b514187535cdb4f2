package speechtpl

import (
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/i18n"
)

// saveRequest is a template saved through the API: its language and every
// part.
type saveRequest struct {
	Lang  string   `json:"lang"`
	Parts []string `json:"parts"`
}

// langRequest names the template's language.
type langRequest struct {
	Lang string `json:"lang"`
}

// templateSave serves POST /api/v1/areas/{id}/speech-template: the
// template checked and kept as the area's next version, or refused with
// its first mistake (part and line) and nothing saved.
func (a *apiHandlers) templateSave(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	var in saveRequest
	if err := api.DecodeBody(w, r, &in); err != nil {
		a.Fail(w, r, err)
		return
	}
	v, err := a.s.Save(r.Context(), SaveInput{AreaID: id, Lang: i18n.Lang(in.Lang), Parts: in.Parts})
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	a.WriteJSON(w, r, http.StatusCreated, v)
}

// templateRestoreDefault serves POST
// /api/v1/areas/{id}/speech-template/default: the seed's words kept as the
// area's next version.
func (a *apiHandlers) templateRestoreDefault(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	var in langRequest
	if err := api.DecodeBody(w, r, &in); err != nil {
		a.Fail(w, r, err)
		return
	}
	v, err := a.s.RestoreDefault(r.Context(), id, i18n.Lang(in.Lang))
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	a.WriteJSON(w, r, http.StatusCreated, v)
}

// versionRestore serves POST /api/v1/speech-template-versions/{id}/restore:
// a copy of the version kept as its area's next version.
func (a *apiHandlers) versionRestore(w http.ResponseWriter, r *http.Request) {
	id, err := api.PathID(r)
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	v, err := a.s.Restore(r.Context(), id)
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	a.WriteJSON(w, r, http.StatusCreated, v)
}
