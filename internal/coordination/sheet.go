package coordination

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// The action sheet (议定事项台账): the action list exported to XLSX (or CSV)
// with the headers offices write, and imported back in the same format. A
// secretary updates progress, status and result in the sheet; a row where
// one of them changed adds a progress update to the action's timeline. The
// other columns say which action a row is and are not changed through the
// sheet: a row that changes them is refused, naming the cell. An import is
// all or nothing (every problem of every row reported, nothing written) and
// repeatable (the same sheet again changes nothing).

var statusValues = []xlsx.Value{
	{Code: string(Open), ZH: "未开始", EN: "open", Aliases: []string{"未启动", "待办"}},
	{Code: string(InProgress), ZH: "推进中", EN: "in progress", Aliases: []string{"正在推进", "办理中", "进行中", "in_progress"}},
	{Code: string(Done), ZH: "已办结", EN: "done", Aliases: []string{"办结", "已完成", "完成"}},
	{Code: string(Dropped), ZH: "已撤销", EN: "dropped", Aliases: []string{"撤销", "取消", "已取消"}},
}

// ActionSheet is the sheet's schema, in export order.
var ActionSheet = xlsx.NewSchema("actions",
	xlsx.Column{Key: "action_no", ZH: "事项编号", EN: "Action no.", Required: true, Kind: xlsx.Digits, Aliases: []string{"事项ID", "action id", "action no"}},
	xlsx.Column{Key: "source", ZH: "来源", EN: "Source", Aliases: []string{"联席会议", "会议名称", "吹哨事项"}},
	xlsx.Column{Key: "title", ZH: "议定事项", EN: "Action", Aliases: []string{"事项", "事项内容", "议定事项内容", "title"}},
	xlsx.Column{Key: "owner", ZH: "承办单位", EN: "Owner", Aliases: []string{"承办单位/部门", "责任单位", "责任部门", "承办部门"}},
	xlsx.Column{Key: "agreed_on", ZH: "议定日期", EN: "Agreed on", Kind: xlsx.Date, Aliases: []string{"议定时间", "会议日期"}},
	xlsx.Column{Key: "due_on", ZH: "办结期限", EN: "Due", Kind: xlsx.Date, Aliases: []string{"完成时限", "办理时限", "截止日期", "due on"}},
	xlsx.Column{Key: "status", ZH: "办理状态", EN: "Status", Kind: xlsx.Enum, Values: statusValues, Aliases: []string{"状态"}},
	xlsx.Column{Key: "progress", ZH: "进度（%）", EN: "Progress (%)", Aliases: []string{"进度", "完成进度", "完成比例", "progress"}},
	xlsx.Column{Key: "updated_on", ZH: "进展日期", EN: "Updated on", Kind: xlsx.Date, Aliases: []string{"更新日期", "填报日期", "updated"}},
	xlsx.Column{Key: "note", ZH: "进展情况", EN: "Progress note", Aliases: []string{"进展", "推进情况", "备注", "note"}},
	xlsx.Column{Key: "result", ZH: "办理结果", EN: "Result", Aliases: []string{"结果", "完成情况", "result"}},
)

// sheetRow is an action as the sheet shows it.
type sheetRow struct {
	Action
	Source    string
	UpdatedOn date.Date
	Note      string
}

// cells are the row's values in the schema's column order.
func (r sheetRow) cells(lang i18n.Lang) []string {
	st := ActionSheet.Columns[ActionSheet.Col("status")]
	upd := ""
	if !r.UpdatedOn.IsZero() {
		upd = r.UpdatedOn.String()
	}
	return []string{strconv.FormatInt(r.ID, 10), r.Source, r.Title, r.OwnerName, r.AgreedOn.String(), r.DueOn.String(),
		st.Label(string(r.Status), lang), strconv.Itoa(r.Progress), upd, r.Note, r.Result}
}

// sheetRowsOf reads the sheet's view of the actions ids that lie in the
// caller's scope, by id: each with its owner's name, its source
// (conference or whistle) and its last update. An id outside the scope or
// unknown is not in the map. It reads 500 ids a query.
func (s *Store) sheetRowsOf(ctx context.Context, q db.Q, ids []int64) (map[int64]sheetRow, error) {
	out := make(map[int64]sheetRow, len(ids))
	sc := s.Areas.ScopeOf(ctx)
	for len(ids) > 0 {
		batch := ids[:min(len(ids), 500)]
		ids = ids[len(batch):]
		args := make([]any, 0, len(batch)+1)
		for _, id := range batch {
			args = append(args, id)
		}
		where := "x.id IN (?" + strings.Repeat(", ?", len(batch)-1) + ")"
		if sc != 0 {
			where += " AND EXISTS (SELECT 1 FROM area_closure k WHERE k.ancestor_id = ? AND k.descendant_id = x.area_id AND k.to_on IS NULL)"
			args = append(args, sc)
		}
		rows, err := q.QueryContext(ctx, `SELECT x.id, COALESCE(x.parent_id, 0), x.area_id, x.title, COALESCE(x.owner_unit_id, 0),
COALESCE(u.name, x.owner_name), x.agreed_on, x.due_on, x.status, x.progress, x.closed_on, x.result,
COALESCE(c.name, w.subject, ''), l.on_date, COALESCE(l.note, '')
FROM agreed_action x LEFT JOIN unit u ON u.id = x.owner_unit_id
LEFT JOIN conference_session s ON s.id = x.session_id LEFT JOIN joint_conference c ON c.id = s.conference_id
LEFT JOIN whistle w ON w.id = x.whistle_id
LEFT JOIN action_update l ON l.id = (SELECT u2.id FROM action_update u2 WHERE u2.action_id = x.id ORDER BY u2.on_date DESC, u2.id DESC LIMIT 1)
WHERE `+where, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var r sheetRow
			a := &r.Action
			if err := rows.Scan(&a.ID, &a.ParentID, &a.AreaID, &a.Title, &a.OwnerUnitID, &a.OwnerName, &a.AgreedOn, &a.DueOn, &a.Status,
				&a.Progress, &a.ClosedOn, &a.Result, &r.Source, &r.UpdatedOn, &r.Note); err != nil {
				rows.Close()
				return nil, err
			}
			out[a.ID] = r
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ExportSheet writes the actions of the list f selects (every page of it)
// as a sheet in format (xlsx.FormatXLSX or xlsx.FormatCSV), headers in
// lang. It returns how many rows it wrote.
func (s *Store) ExportSheet(ctx context.Context, w io.Writer, format string, lang i18n.Lang, f ActionFilter) (int, error) {
	f.Limit, f.After = 500, 0
	var all []Action
	for {
		page, err := s.ListActions(ctx, f)
		if err != nil {
			return 0, err
		}
		all = append(all, page...)
		if len(page) < f.Limit {
			break
		}
		f.After = page[len(page)-1].ID
	}
	ids := make([]int64, len(all))
	for i, a := range all {
		ids[i] = a.ID
	}
	byID, err := s.sheetRowsOf(ctx, s.DB.Reader(), ids)
	if err != nil {
		return 0, err
	}
	rows := make([]sheetRow, 0, len(all))
	for _, a := range all {
		if r, ok := byID[a.ID]; ok {
			rows = append(rows, r)
		}
	}
	wr, err := xlsx.NewWriter(w, format, ActionSheet, lang)
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		if err := wr.Write(r.cells(lang)); err != nil {
			return 0, err
		}
	}
	return len(rows), wr.Close()
}

// SheetResult is what an import of the sheet found and did.
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
var ErrSheetRows = errors.New("coordination: bad rows in the action sheet, nothing written")

// ImportSheet reads the action sheet from r (named name, size bytes) and,
// unless dryRun, applies it in one transaction: each row whose status,
// progress or result differs from the action adds a progress update dated
// by its 进展日期 (today when empty). With any bad row it returns the result
// with every problem and ErrSheetRows, and nothing is written; a dry run
// checks everything the same way against the stored actions and writes
// nothing. A refused file returns the reader's error.
func (s *Store) ImportSheet(ctx context.Context, r io.ReaderAt, size int64, name string, dryRun bool) (*SheetResult, error) {
	rd, err := xlsx.Open(r, size, name, ActionSheet)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	res := &SheetResult{DryRun: dryRun}
	err = s.DB.Tx(ctx, func(q db.Q) error {
		var rows []xlsx.Row
		var ids []int64
		for {
			row, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return err
			}
			rows = append(rows, row)
			if id, err := strconv.ParseInt(row.Get("action_no"), 10, 64); err == nil && id > 0 {
				ids = append(ids, id)
			}
		}
		stored, err := s.sheetRowsOf(ctx, q, ids)
		if err != nil {
			return err
		}
		seen := map[int64]int{}
		for _, row := range rows {
			res.Rows++
			if err := s.importRow(ctx, q, rd, row, stored, seen, res); err != nil {
				return err
			}
		}
		if !res.OK() {
			return fmt.Errorf("%w: %d", ErrSheetRows, len(res.Errors))
		}
		if dryRun {
			return db.ErrRollback
		}
		return audit.Append(ctx, q, audit.Entry{Action: "import.actions", TargetType: "import",
			After: map[string]any{"rows": res.Rows, "changed": res.Changed, "unchanged": res.Unchanged, "format": rd.Format()}})
	})
	return res, err
}

// sheetFields maps the store's fields to the sheet's columns.
var sheetFields = map[string]string{"on": "updated_on", "progress": "progress", "status": "status", "note": "note", "result": "result",
	"action_id": "action_no"}

// importRow checks one row and, when it changes its action, applies the
// update on q; a store function's refusal becomes the row's problem. Only
// a failure of the database is returned.
func (s *Store) importRow(ctx context.Context, q db.Q, rd *xlsx.Reader, row xlsx.Row, stored map[int64]sheetRow, seen map[int64]int, res *SheetResult) error {
	problem := func(col, key string, args ...any) {
		res.Errors = append(res.Errors, rd.RowError(row.Line, col, key, args...))
	}
	res.Errors = append(res.Errors, row.Problems...)
	no := row.Get("action_no")
	id, err := strconv.ParseInt(no, 10, 64)
	if no == "" || err != nil || id <= 0 {
		problem("action_no", "err.sheet_action_no", no)
		return nil
	}
	if line, dup := seen[id]; dup {
		problem("action_no", "err.sheet_action_twice", line)
		return nil
	}
	seen[id] = row.Line
	cur, ok := stored[id]
	if !ok {
		problem("action_no", "err.sheet_action_unknown", no)
		return nil
	}
	// The columns that say which action a row is must not change.
	for _, c := range []struct{ col, want string }{{"title", cur.Title}, {"owner", cur.OwnerName}} {
		if v := row.Get(c.col); v != "" && rd.Has(c.col) && norm(v) != norm(c.want) {
			problem(c.col, "err.sheet_cell_fixed", c.want)
		}
	}
	for _, c := range []struct {
		col  string
		want date.Date
	}{{"agreed_on", cur.AgreedOn}, {"due_on", cur.DueOn}} {
		if v := row.Get(c.col); v != "" {
			if d, ok := xlsx.NormalizeDate(v); !ok {
				problem(c.col, "err.sheet_date", v)
			} else if d != c.want.String() {
				problem(c.col, "err.sheet_cell_fixed", c.want.String())
			}
		}
	}
	// What the row says now. A cell that cannot be read stops the row's
	// check; a fixed column changed does not (the transaction is rolled
	// back anyway, and the row's other problems are shown with it).
	readable := len(res.Errors)
	in := UpdateInput{ActionID: id, On: s.Today(), Status: cur.Status, Progress: cur.Progress, Result: row.Get("result"), Note: row.Get("note")}
	if v := row.Get("status"); v != "" {
		code, ok := ActionSheet.Columns[ActionSheet.Col("status")].Code(v)
		if !ok {
			problem("status", "err.action_status_invalid")
		}
		in.Status = ActionStatus(code)
	}
	if v := row.Get("progress"); v != "" {
		n, err := strconv.Atoi(strings.TrimSpace(strings.TrimRight(v, "%％")))
		if err != nil {
			problem("progress", "err.sheet_progress", v)
		}
		in.Progress = n
	}
	if v := row.Get("updated_on"); v != "" {
		d, ok := xlsx.NormalizeDate(v)
		if !ok {
			problem("updated_on", "err.sheet_date", v)
		} else {
			in.On = date.MustParse(d)
		}
	}
	if len(res.Errors) > readable {
		return nil
	}
	if in.Status == Done {
		in.Progress = 100
	}
	if in.Status == cur.Status && in.Progress == cur.Progress && (in.Result == "" || norm(in.Result) == norm(cur.Result)) {
		res.Unchanged++
		return nil
	}
	// A row that keeps the last update's date or note changed today, and
	// the last note is not carried over as the new one's.
	if !cur.UpdatedOn.IsZero() && !in.On.Before(cur.UpdatedOn) && !in.On.After(cur.UpdatedOn) {
		in.On = s.Today()
	}
	if norm(in.Note) == norm(cur.Note) {
		in.Note = ""
	}
	checked, err := s.checkUpdate(in)
	if err == nil {
		err = s.applyUpdate(ctx, q, checked, 0)
	}
	var ie *i18n.Error
	switch {
	case err == nil:
		res.Changed++
	case errors.As(err, &ie):
		problem(sheetFields[ie.Field], ie.Key, ie.Args...)
	default:
		return err
	}
	return nil
}

// norm folds a cell for comparison: spaces removed.
func norm(s string) string { return strings.Join(strings.Fields(s), "") }
