package coordination

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"dangjian/internal/i18n"
	"dangjian/internal/web"
	"dangjian/internal/xlsx"
)

// maxSheetBytes bounds an uploaded action sheet: the open actions of a
// scope, far below it.
const maxSheetBytes = 8 << 20

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
	return web.SendSheet(w, "actions-"+sheetClock(s.Now), format, &buf)
}

// importUpload imports an uploaded sheet: a refused file is returned as
// an error; bad rows come back in the result with ErrSheetRows.
func (s *Store) importUpload(ctx context.Context, up *web.Upload, dryRun bool) (*SheetResult, error) {
	return s.ImportSheet(ctx, bytes.NewReader(up.Data), int64(len(up.Data)), up.Name, dryRun)
}

// sheetClock is when an export was made, for its file name.
func sheetClock(now func() time.Time) string { return now().Format("20060102-150405") }

// fsSub is fs.Sub.
func fsSub(f fs.FS, dir string) (fs.FS, error) { return fs.Sub(f, dir) }
