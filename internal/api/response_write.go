package api

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// WriteJSON renders v with status. The body is encoded before the header is
// written, so an encoding failure still becomes a clean 500.
func (h *Handler) WriteJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		h.logger().ErrorContext(r.Context(), "api: encode response", "method", r.Method, "path", r.URL.Path, "err", err)
		buf.Reset()
		buf.WriteString(`{"error":{"code":"internal","message":"internal server error"}}` + "\n")
		status = http.StatusInternalServerError
	}
	WriteBody(w, status, "application/json; charset=utf-8", buf.Bytes())
}

// WriteBody writes a finished body with its content type.
func WriteBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store") // answers hold data of the caller's scope
	w.Header().Add("Vary", "Accept-Language")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
