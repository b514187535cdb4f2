package speechtpl

import (
	_ "embed"
	"net/http"

	"dangjian/internal/api"
)

//go:embed openapi.json
var openAPIDoc []byte

// apiHandlers are the API's handlers of the speech templates.
type apiHandlers struct {
	*api.Handler
	s *Store
}

// API is the editable templates' part of the JSON API: an area's template
// and its versions, a new version, a restore, the seed's words restored.
func API(st *Store) api.Module {
	return api.Module{
		Name: "speechtpl",
		Doc:  openAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			a := &apiHandlers{Handler: h, s: st}
			ar, ver := st.Areas.Place(), st.VersionPlace()
			return []api.Route{
				{Method: http.MethodGet, Path: "/api/v1/areas/{id}/speech-template", Perm: ReadTemplates, Place: ar, Handle: a.templateGet, Response: templateJSON{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/speech-template", Perm: WriteTemplates, Place: ar, Handle: a.templateSave, Request: saveRequest{}, Response: Version{}},
				{Method: http.MethodPost, Path: "/api/v1/areas/{id}/speech-template/default", Perm: WriteTemplates, Place: ar, Handle: a.templateRestoreDefault, Request: langRequest{}, Response: Version{}},
				{Method: http.MethodGet, Path: "/api/v1/speech-template-versions/{id}", Perm: ReadTemplates, Place: ver, Handle: a.versionGet, Response: Version{}},
				{Method: http.MethodPost, Path: "/api/v1/speech-template-versions/{id}/restore", Perm: WriteTemplates, Place: ver, Handle: a.versionRestore, Response: Version{}},
			}
		},
	}
}
