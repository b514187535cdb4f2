package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"

	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// ErrUploadTooLarge marks an upload over its limit (413).
var ErrUploadTooLarge = errors.New("web: upload too large")

// Upload is a small uploaded file read whole (a sheet a domain imports in
// the request, not through the import jobs).
type Upload struct {
	Name string
	Data []byte
}

// ReadUpload reads the multipart field "file" of r, refusing a request
// that is not multipart or has no file (err.sheet_file_required, field
// "file") and one over max bytes (err.sheet_too_large, ErrUploadTooLarge).
func ReadUpload(w http.ResponseWriter, r *http.Request, max int64) (*Upload, error) {
	tooLarge := &i18n.Error{Field: "file", Key: "err.sheet_too_large", Args: []any{max >> 20}, Err: ErrUploadTooLarge}
	r.Body = http.MaxBytesReader(w, r.Body, max+1<<20)
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return nil, i18n.Errf("file", "err.sheet_file_required")
	}
	if err := r.ParseMultipartForm(max); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge
		}
		return nil, i18n.Errf("file", "err.sheet_file_required")
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return nil, i18n.Errf("file", "err.sheet_file_required")
	}
	defer f.Close()
	if hdr.Size > max {
		return nil, tooLarge
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	return &Upload{Name: hdr.Filename, Data: b}, nil
}

// SendSheet answers with a sheet made whole in buf as an attachment named
// base.format (xlsx.FormatXLSX or xlsx.FormatCSV).
func SendSheet(w http.ResponseWriter, base, format string, buf *bytes.Buffer) error {
	contentType := "text/csv; charset=utf-8"
	if format == xlsx.FormatXLSX {
		contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return SendFile(w, base+"."+format, contentType, buf.Bytes())
}

// SendFile answers with data as an attachment named name, never cached (a
// background job's finished export, say).
func SendFile(w http.ResponseWriter, name, contentType string, data []byte) error {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(data)
	return err
}

// SheetProblem is one refused cell of an imported sheet, as a page lists
// it.
type SheetProblem struct {
	Line            int
	Column, Message string
}

// SheetOutcome answers a sheet imported in the request: with err nil, 200;
// with err badRows (the domain's "bad rows, nothing written"), 422 and
// every problem of errs by line and column; with a refused file, 422 (413
// for one too large) and its one refusal. ok is false for any other
// error, which the caller answers as a server error.
func SheetOutcome(err, badRows error, errs []*xlsx.RowError, lang i18n.Lang) (status int, problems []SheetProblem, refusal string, ok bool) {
	e, user := UserError(err)
	switch {
	case err == nil:
		return http.StatusOK, nil, "", true
	case errors.Is(err, badRows):
		for _, x := range errs {
			problems = append(problems, SheetProblem{Line: x.Line, Column: x.Header, Message: x.Message(lang)})
		}
		return http.StatusUnprocessableEntity, problems, "", true
	case user && errors.Is(err, ErrUploadTooLarge):
		return http.StatusRequestEntityTooLarge, nil, e.In(lang), true
	case user:
		return http.StatusUnprocessableEntity, nil, e.In(lang), true
	}
	return 0, nil, "", false
}
