package coordination

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"strings"
	"time"

	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// maxSheetBytes bounds an uploaded action sheet: the open actions of a
// scope, far below it.
const maxSheetBytes = 8 << 20

// errSheetTooLarge marks an upload over maxSheetBytes.
var errSheetTooLarge = errors.New("coordination: action sheet too large")

// sheetQuery reads what an export of the action list covers, as the list
// takes it: due=overdue|soon, conference=, owner= (ids), area= (an id or
// a name), and format=xlsx|csv (xlsx when absent).
func (s *Store) sheetQuery(r *http.Request) (ActionFilter, string, error) {
	q := r.URL.Query()
	f := ActionFilter{Due: q.Get("due"), OwnerName: q.Get("owner_name")}
	format := q.Get("format")
	switch format {
	case "":
		format = xlsx.FormatXLSX
	case xlsx.FormatXLSX, xlsx.FormatCSV:
	default:
		return f, "", i18n.Errf("format", "err.sheet_format", format)
	}
	var err error
	for name, dst := range map[string]*int64{"conference": &f.ConferenceID, "owner": &f.OwnerUnitID} {
		if *dst, err = queryID(r, name); err != nil {
			return f, "", err
		}
	}
	if v := strings.TrimSpace(q.Get("area")); v != "" {
		a, err := s.Areas.Find(r.Context(), v)
		if err != nil {
			var ie *i18n.Error
			if errors.As(err, &ie) && ie.Field == "area_id" {
				c := *ie
				c.Field = "area"
				err = &c
			}
			return f, "", err
		}
		f.AreaID = a.ID
	}
	return f, format, nil
}

// writeSheet answers with the action sheet of f in format. The sheet is
// made whole before the first byte, so that a refusal is answered as one.
func (s *Store) writeSheet(ctx context.Context, w http.ResponseWriter, f ActionFilter, format string, lang i18n.Lang) error {
	var buf bytes.Buffer
	if _, err := s.ExportSheet(ctx, &buf, format, lang, f); err != nil {
		return err
	}
	h := w.Header()
	if format == xlsx.FormatXLSX {
		h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	} else {
		h.Set("Content-Type", "text/csv; charset=utf-8")
	}
	h.Set("Content-Disposition", `attachment; filename="actions-`+sheetClock(s.Now)+"."+format+`"`)
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, err := buf.WriteTo(w)
	return err
}

// sheetUpload is an uploaded action sheet, read whole (it is small).
type sheetUpload struct {
	name string
	data []byte
}

// readSheetUpload reads the multipart field "file" of r.
func readSheetUpload(w http.ResponseWriter, r *http.Request) (*sheetUpload, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxSheetBytes+1<<20)
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return nil, i18n.Errf("file", "err.sheet_file_required")
	}
	if err := r.ParseMultipartForm(maxSheetBytes); err != nil {
		return nil, uploadErr(err)
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return nil, i18n.Errf("file", "err.sheet_file_required")
	}
	defer f.Close()
	return readPart(f, hdr)
}

func readPart(f multipart.File, hdr *multipart.FileHeader) (*sheetUpload, error) {
	if hdr.Size > maxSheetBytes {
		return nil, &i18n.Error{Field: "file", Key: "err.sheet_too_large", Args: []any{maxSheetBytes >> 20}, Err: errSheetTooLarge}
	}
	b, err := io.ReadAll(io.LimitReader(f, maxSheetBytes+1))
	if err != nil {
		return nil, err
	}
	return &sheetUpload{name: hdr.Filename, data: b}, nil
}

func uploadErr(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &i18n.Error{Field: "file", Key: "err.sheet_too_large", Args: []any{maxSheetBytes >> 20}, Err: errSheetTooLarge}
	}
	return i18n.Errf("file", "err.sheet_file_required")
}

// importUpload imports an uploaded sheet: a refused file is returned as
// an error; bad rows come back in the result with ErrSheetRows.
func (s *Store) importUpload(ctx context.Context, up *sheetUpload, dryRun bool) (*SheetResult, error) {
	return s.ImportSheet(ctx, bytes.NewReader(up.data), int64(len(up.data)), up.name, dryRun)
}

// sheetClock is when an export was made, for its file name.
func sheetClock(now func() time.Time) string { return now().Format("20060102-150405") }

// fsSub is fs.Sub.
func fsSub(f fs.FS, dir string) (fs.FS, error) { return fs.Sub(f, dir) }
