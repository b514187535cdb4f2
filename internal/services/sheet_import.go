package services

import (
	"context"
	"errors"
	"fmt"
	"io"

	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// SheetResult is what an import of a sheet found and did: rows read,
// rows that added or corrected a record, rows that changed nothing.
type SheetResult struct {
	DryRun    bool             `json:"dry_run"`
	Rows      int              `json:"rows"`
	Changed   int              `json:"changed"`
	Unchanged int              `json:"unchanged"`
	Errors    []*xlsx.RowError `json:"-"`
}

// OK reports whether every row was good.
func (r *SheetResult) OK() bool { return len(r.Errors) == 0 }

// ErrSheetRows is returned (wrapped) by ImportSheet when any row is bad;
// the result lists every problem and nothing was written.
var ErrSheetRows = errors.New("services: bad rows in the sheet, nothing written")

// importActions are the audit actions of the imports, by sheet name
// (written out, so that the audit words can be checked against them).
var importActions = map[string]string{
	"outlets":         "import.outlets",
	"designations":    "import.designations",
	"service-records": "import.service_records",
	"placements":      "import.placements",
	"good-deeds":      "import.good_deeds",
}

// ImportSheet reads sheet name from r (a file named file, size bytes) and,
// unless dryRun, applies it in one transaction. With any bad row it
// returns the result with every problem and ErrSheetRows, and nothing is
// written; a dry run checks everything the same way and writes nothing. A
// refused file returns the reader's error.
func (s *Store) ImportSheet(ctx context.Context, name string, r io.ReaderAt, size int64, file string, dryRun bool) (*SheetResult, error) {
	schema := SheetSchema(name)
	if schema == nil {
		return nil, errors.New("services: no sheet " + name)
	}
	rd, err := xlsx.Open(r, size, file, schema)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	res := &SheetResult{DryRun: dryRun}
	rowOf := map[string]func(*importer) error{
		OutletSheetName: (*importer).outlet, DesignationSheetName: (*importer).designation, RecordSheetName: (*importer).record,
		PlacementSheetName: (*importer).placement, DeedSheetName: (*importer).deed,
	}[name]
	err = s.DB.Tx(ctx, func(q db.Q) error {
		im := &importer{s: s, ctx: ctx, q: q, rd: rd, res: res, seen: map[string]int{}, outlets: map[int64]Outlet{}}
		for {
			row, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return err
			}
			res.Rows++
			before := len(res.Errors)
			res.Errors = append(res.Errors, row.Problems...)
			im.row, im.changed, im.before = row, false, before
			if err := rowOf(im); err != nil {
				return err
			}
			if len(res.Errors) == before {
				if im.changed {
					res.Changed++
				} else {
					res.Unchanged++
				}
			}
		}
		if !res.OK() {
			return fmt.Errorf("%w: %d", ErrSheetRows, len(res.Errors))
		}
		if im.added > 0 {
			// The records a sheet adds are one batch, as CreateRecords
			// keeps them.
			if err := record(ctx, q, "service_record.batch", "service_record", 0, map[string]any{"records": im.added}); err != nil {
				return err
			}
		}
		if dryRun {
			return db.ErrRollback
		}
		return audit.Append(ctx, q, audit.Entry{Action: importActions[name], TargetType: "import",
			After: map[string]any{"rows": res.Rows, "changed": res.Changed, "unchanged": res.Unchanged, "format": rd.Format()}})
	})
	return res, err
}

// importer checks and applies one sheet's rows on q.
type importer struct {
	s       *Store
	ctx     context.Context
	q       db.Q
	rd      *xlsx.Reader
	res     *SheetResult
	row     xlsx.Row
	changed bool
	// before is how many problems there were before the row.
	before int
	// seen is the line each record (by number, or by what makes it one)
	// was first on.
	seen map[string]int
	// outlets are the outlets read (the batch rules of CreateRecords).
	outlets map[int64]Outlet
	// added counts the service records the sheet adds.
	added int
}

// bad reports whether the current row has a problem.
func (im *importer) bad() bool { return len(im.res.Errors) > im.before }

// problem records a problem of the current row in column col.
func (im *importer) problem(col, key string, args ...any) {
	im.res.Errors = append(im.res.Errors, im.rd.RowError(im.row.Line, col, key, args...))
}

// refused turns a store refusal into the row's problem, in the column of
// its field (col when the sheet has none); only a database failure is
// returned.
func (im *importer) refused(err error, col string) error {
	var ie *i18n.Error
	if err == nil || !errors.As(err, &ie) {
		return err
	}
	if im.rd.Schema().Col(ie.Field) >= 0 {
		col = ie.Field
	}
	im.problem(col, ie.Key, ie.Args...)
	return nil
}

// number reads the record number: 0 when empty, -1 when bad or on an
// enum reads the code in Enum column col ("" when empty or not one of
// area finds the area named in column area_id, in the caller's scope,
// fixed records a problem when a cell that cannot change through the
// fixedCode is fixed for an Enum cell read as code got: the record's
// fixedArea is fixed for the area column of a record on area id: it
// keep is v, or cur when the cell col is empty: an empty cell keeps what
// write runs a write of the current row and audits it as the Store does
// (a query with RETURNING id when id is 0), marking the row changed.
func (im *importer) write(action, target string, id int64, after any, query string, args ...any) (int64, error) {
	var err error
	if id == 0 {
		err = im.q.QueryRowContext(im.ctx, query, args...).Scan(&id)
	} else {
		_, err = im.q.ExecContext(im.ctx, query, args...)
	}
	if err != nil {
		return 0, err
	}
	im.changed = true
	return id, record(im.ctx, im.q, action, target, id, after)
}

// find is the id of the record query finds, 0 for none.
func (im *importer) find(query string, args ...any) (int64, error) {
	var id int64
	err := im.q.QueryRowContext(im.ctx, query, args...).Scan(&id)
	if db.IsNotFound(err) {
		return 0, nil
	}
	return id, err
}

// sameRecord is how a row without a number finds the record it repeats:
// query with args, and the key under which a second such row in the
// sheet is refused in column col.
type sameRecord struct {
	col, key, query string
	args            []any
}

// recordOf finds the record a row corrects: the one its number id names
// (loaded in the scope; its area and its date in column dateCol, as place
// gives them, cannot change), or without a number the one same finds.
// found is false for a row that adds a record, or that has a problem
// (im.bad()).
func recordOf[T any](im *importer, id int64, load func(context.Context, db.Q, string, int64) (T, error), place func(T) (int64, date.Date),
	dateCol string, on date.Date, same sameRecord) (cur T, found bool, err error) {
	if id > 0 {
		if cur, err = load(im.ctx, im.q, "id", id); err != nil {
			return cur, false, im.refused(err, "id")
		}
		areaID, kept := place(cur)
		im.fixedArea(areaID)
		im.fixedDate(dateCol, on, kept)
		return cur, !im.bad(), nil
	}
	if !im.once(same.col, same.key) {
		return cur, false, nil
	}
	other, err := im.find(same.query, same.args...)
	if err != nil || other == 0 {
		return cur, false, err
	}
	cur, err = load(im.ctx, im.q, "id", other)
	return cur, err == nil, err
}
