package api

import (
	_ "embed"
	"net/http"
)

// openAPIDoc is the hand-written OpenAPI 3.1 document of the API.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves GET /api/openapi.json.
func (h *Handler) openAPI(w http.ResponseWriter, r *http.Request) {
	writeBody(w, http.StatusOK, "application/json; charset=utf-8", openAPIDoc)
}
