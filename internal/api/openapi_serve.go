package api

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

// openAPIBase is the API's own part of its OpenAPI 3.1 document: info,
// security, the error schema, shared parameters and responses, and the
// document's own path. Each module adds its paths, schemas and tags.
//
//go:embed openapi.json
var openAPIBase []byte

// openAPI serves GET /api/openapi.json.
func (h *Handler) openAPI(w http.ResponseWriter, r *http.Request) {
	doc, err := h.Document()
	if err != nil {
		h.Fail(w, r, err)
		return
	}
	WriteBody(w, http.StatusOK, "application/json; charset=utf-8", doc)
}

// Document is the whole OpenAPI document: the API's own part with every
// module's merged in. A path, schema or tag defined twice is an error.
func (h *Handler) Document() ([]byte, error) {
	h.docOnce.Do(func() { h.doc, h.docErr = mergeDocs(openAPIBase, h.Modules) })
	return h.doc, h.docErr
}

// docState caches the merged document.
type docState struct {
	docOnce sync.Once
	doc     []byte
	docErr  error
}

func mergeDocs(base []byte, mods []Module) ([]byte, error) {
	var doc map[string]any
	if err := json.Unmarshal(base, &doc); err != nil {
		return nil, fmt.Errorf("api: openapi base: %w", err)
	}
	paths, _ := doc["paths"].(map[string]any)
	comps, _ := doc["components"].(map[string]any)
	schemas, _ := comps["schemas"].(map[string]any)
	tags, _ := doc["tags"].([]any)
	for _, m := range mods {
		if m.Doc == nil {
			continue
		}
		var part struct {
			Tags       []any          `json:"tags"`
			Paths      map[string]any `json:"paths"`
			Components struct {
				Schemas map[string]any `json:"schemas"`
			} `json:"components"`
		}
		if err := json.Unmarshal(m.Doc, &part); err != nil {
			return nil, fmt.Errorf("api: openapi of %s: %w", m.Name, err)
		}
		for p, v := range part.Paths {
			if _, dup := paths[p]; dup {
				return nil, fmt.Errorf("api: openapi of %s: path %s documented twice", m.Name, p)
			}
			paths[p] = v
		}
		for n, v := range part.Components.Schemas {
			if _, dup := schemas[n]; dup {
				return nil, fmt.Errorf("api: openapi of %s: schema %s defined twice", m.Name, n)
			}
			schemas[n] = v
		}
		tags = append(tags, part.Tags...)
	}
	doc["tags"] = tags
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
