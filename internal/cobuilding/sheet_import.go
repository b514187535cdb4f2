package cobuilding

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
var ErrSheetRows = errors.New("cobuilding: bad rows in the sheet, nothing written")

// importActions are the audit actions of the imports, by sheet name
// (written out, so that the audit words can be checked against them).
var importActions = map[string]string{
	"demands":     "import.co_demands",
	"resources":   "import.co_resources",
	"co-projects": "import.co_projects",
}

// ImportSheet reads sheet name from r (a file named file, size bytes) and,
// unless dryRun, applies it in one transaction. With any bad row it
// returns the result with every problem and ErrSheetRows, and nothing is
// written; a dry run checks everything the same way and writes nothing. A
// refused file returns the reader's error.
func (s *Store) ImportSheet(ctx context.Context, name string, r io.ReaderAt, size int64, file string, dryRun bool) (*SheetResult, error) {
	schema := SheetSchema(name)
	if schema == nil {
		return nil, errors.New("cobuilding: no sheet " + name)
	}
	rd, err := xlsx.Open(r, size, file, schema)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	res := &SheetResult{DryRun: dryRun}
	err = s.DB.Tx(ctx, func(q db.Q) error {
		im := &importer{s: s, ctx: ctx, q: q, rd: rd, res: res, seen: map[int64]int{}}
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
			im.row, im.changed = row, false
			switch name {
			case DemandSheetName:
				err = im.demand()
			case ResourceSheetName:
				err = im.resource()
			default:
				err = im.project()
			}
			if err != nil {
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
	// seen is the line each record number was first on.
	seen map[int64]int
	// projects are the projects rows named, by number or by their
	// community, title and start: what the first row said of each.
	projects map[string]projectRow
}

// problem records a problem of the current row in column col.
func (im *importer) problem(col, key string, args ...any) {
	im.res.Errors = append(im.res.Errors, im.rd.RowError(im.row.Line, col, key, args...))
}

// refused turns a store refusal into the row's problem, in the column
// fields maps its field to (col when none); only a database failure is
// returned. stop is false when err is nil.
func (im *importer) refused(err error, fields map[string]string, col string) (stop bool, _ error) {
	var ie *i18n.Error
	switch {
	case err == nil:
		return false, nil
	case errors.As(err, &ie):
		if c, ok := fields[ie.Field]; ok {
			col = c
		}
		im.problem(col, ie.Key, ie.Args...)
		return true, nil
	}
	return true, err
}

// number reads the record number in column col: 0 when empty, -1 when
// bad (the problem recorded) or when the record is on an earlier line.
func (im *importer) number(col string) int64 {
	v := im.row.Get(col)
	if v == "" {
		return 0
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		im.problem(col, "err.cob_sheet_number", v)
		return -1
	}
	if line, dup := im.seen[id]; dup {
		im.problem(col, "err.cob_sheet_twice", line)
		return -1
	}
	im.seen[id] = im.row.Line
	return id
}

// date reads the date in column col (zero when empty; ok false when bad).
func (im *importer) date(col string) (date.Date, bool) {
	v := im.row.Get(col)
	if v == "" {
		return date.Date{}, true
	}
	d, ok := xlsx.NormalizeDate(v)
	if !ok {
		im.problem(col, "err.cob_sheet_date", v)
		return date.Date{}, false
	}
	return date.MustParse(d), true
}

// enum reads the code in Enum column col of schema (empty when empty; ok
// false when not one of its values).
func (im *importer) enum(schema *xlsx.Schema, col string) (string, bool) {
	v := im.row.Get(col)
	if v == "" {
		return "", true
	}
	code, ok := schema.Columns[schema.Col(col)].Code(v)
	if !ok {
		im.problem(col, "err.cob_sheet_value", v)
	}
	return code, ok
}

// money reads 元 in column col into fen.
func (im *importer) money(col string) (int64, bool) {
	n, err := ParseYuan(col, im.row.Get(col))
	if err != nil {
		var ie *i18n.Error
		errors.As(err, &ie)
		im.problem(col, ie.Key)
		return 0, false
	}
	return n, true
}

// community finds the community named in column col.
func (im *importer) community(col string) (int64, bool) {
	v := im.row.Get(col)
	if v == "" {
		im.problem(col, "err.cob_required")
		return 0, false
	}
	a, err := im.s.Areas.Find(im.ctx, v)
	if err != nil {
		var ie *i18n.Error
		if errors.As(err, &ie) {
			im.problem(col, ie.Key, ie.Args...)
			return 0, false
		}
		im.problem(col, "err.cob_sheet_area_unknown", v)
		return 0, false
	}
	return a.ID, true
}

// fixed records a problem when a cell that cannot change through the
// sheet says other than the record.
func (im *importer) fixed(col, got, want string) {
	if got != "" && norm(got) != norm(want) {
		im.problem(col, "err.cob_sheet_cell_fixed", want)
	}
}

// unitNamed finds the stationed unit named name in the caller's subtree.
func (im *importer) unitNamed(col, name string) (int64, bool) {
	rows, err := im.q.QueryContext(im.ctx, "SELECT id FROM unit WHERE name = ? ORDER BY CASE WHEN ended_on IS NULL THEN 0 ELSE 1 END, id DESC", name)
	if err != nil {
		im.problem(col, "err.cob_sheet_unit_unknown", name)
		return 0, false
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if rows.Scan(&id) == nil {
			ids = append(ids, id)
		}
	}
	rows.Close()
	for _, id := range ids {
		if _, err := im.s.unitInScope(im.ctx, im.q, id); err == nil {
			return id, true
		}
	}
	im.problem(col, "err.cob_sheet_unit_unknown", name)
	return 0, false
}

// orgNamed finds the party organisation named name.
func (im *importer) orgNamed(col, name string) (int64, bool) {
	var id int64
	err := im.q.QueryRowContext(im.ctx, "SELECT id FROM party_org WHERE name = ? ORDER BY CASE WHEN ended_on IS NULL THEN 0 ELSE 1 END, id DESC LIMIT 1", name).Scan(&id)
	if err != nil {
		im.problem(col, "err.cob_sheet_org_unknown", name)
		return 0, false
	}
	return id, true
}

// norm folds a cell for comparison: spaces removed.
func norm(s string) string { return strings.Join(strings.Fields(s), "") }

var demandFields = map[string]string{"area_id": "community", "title": "title", "category": "category", "tags": "tags",
	"households": "households", "raised_by": "raised_by", "raised_on": "raised_on", "note": "note", "demand_id": "demand_no"}

// demand checks a row of the demand list and adds or corrects its demand.
func (im *importer) demand() error {
	before := len(im.res.Errors)
	id := im.number("demand_no")
	areaID, _ := im.community("community")
	in := DemandInput{AreaID: areaID, Title: im.row.Get("title"), RaisedBy: im.row.Get("raised_by"), Note: im.row.Get("note")}
	cat, _ := im.enum(DemandSheet, "category")
	in.Category = Category(cat)
	for _, t := range strings.FieldsFunc(im.row.Get("tags"), func(r rune) bool { return strings.ContainsRune("、,，;；/ ", r) }) {
		code, ok := (&xlsx.Column{Values: tagValues}).Code(t)
		if !ok {
			im.problem("tags", "err.cob_sheet_value", t)
			continue
		}
		in.Tags = append(in.Tags, code)
	}
	if v := strings.ReplaceAll(im.row.Get("households"), ",", ""); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			im.problem("households", "err.cob_sheet_count", v)
		}
		in.Households = n
	}
	in.RaisedOn, _ = im.date("raised_on")
	status, _ := im.enum(DemandSheet, "status")
	if len(im.res.Errors) > before || id < 0 {
		return nil
	}
	var cur Demand
	found := false
	if id > 0 {
		d, err := im.s.loadDemand(im.ctx, im.q, "demand_id", id)
		if stop, err := im.refused(err, demandFields, "demand_no"); stop {
			return err
		}
		cur, found = d, true
		if d.AreaID != areaID {
			im.problem("community", "err.cob_sheet_cell_fixed", im.row.Get("community"))
		}
		if !in.RaisedOn.IsZero() && in.RaisedOn != d.RaisedOn {
			im.problem("raised_on", "err.cob_sheet_cell_fixed", d.RaisedOn.String())
		}
	} else if !in.RaisedOn.IsZero() {
		d, err := scanDemand(im.q.QueryRowContext(im.ctx, "SELECT "+demandCols+" FROM demand d WHERE d.area_id = ? AND d.title = ? AND d.raised_on = ? ORDER BY d.id LIMIT 1",
			areaID, strings.TrimSpace(in.Title), in.RaisedOn))
		if err != nil && !db.IsNotFound(err) {
			return err
		}
		cur, found = d, err == nil
	}
	if found {
		if status != "" && status != string(cur.Status) {
			im.problem("status", "err.cob_sheet_cell_fixed", label(DemandSheet, "status", string(cur.Status), i18n.ZH))
		}
		if len(im.res.Errors) > before {
			return nil
		}
		// An empty cell keeps what the platform has.
		for _, k := range []struct {
			col string
			dst *string
			cur string
		}{{"title", &in.Title, cur.Title}, {"raised_by", &in.RaisedBy, cur.RaisedBy}, {"note", &in.Note, cur.Note}, {"category", (*string)(&in.Category), string(cur.Category)}} {
			if im.row.Get(k.col) == "" {
				*k.dst = k.cur
			}
		}
		if im.row.Get("tags") == "" {
			in.Tags = cur.Tags
		}
		if im.row.Get("households") == "" {
			in.Households = cur.Households
		}
		ch := DemandChange{Title: in.Title, Category: in.Category, Tags: in.Tags, Households: in.Households, RaisedBy: in.RaisedBy, Note: in.Note}
		cleaned := DemandInput{Title: ch.Title, Category: ch.Category, Tags: ch.Tags, Households: ch.Households, RaisedBy: ch.RaisedBy, Note: ch.Note}
		if err := cleanDemand(&cleaned); err != nil {
			_, err := im.refused(err, demandFields, "demand_no")
			return err
		}
		if cleaned.Title == cur.Title && cleaned.Category == cur.Category && strings.Join(cleaned.Tags, ",") == strings.Join(cur.Tags, ",") &&
			cleaned.Households == cur.Households && cleaned.RaisedBy == cur.RaisedBy && cleaned.Note == cur.Note {
			return nil
		}
		_, err := im.refused(im.s.updateDemand(im.ctx, im.q, cur.ID, ch), demandFields, "demand_no")
		im.changed = err == nil
		return err
	}
	if status != "" && status != string(Open) {
		im.problem("status", "err.cob_sheet_new_open")
		return nil
	}
	stop, err := im.refused(im.mustCreate(im.s.createDemand(im.ctx, im.q, in)), demandFields, "title")
	im.changed = !stop
	return err
}

// mustCreate drops a created record's id.
func (im *importer) mustCreate(_ int64, err error) error { return err }

var resourceFields = map[string]string{"unit_id": "unit", "department": "department", "area_id": "area", "kind": "kind",
	"description": "description", "from_on": "from_on", "to_on": "to_on", "resource_id": "resource_no"}

// resource checks a row of the resource list and adds or corrects its
// resource.
func (im *importer) resource() error {
	before := len(im.res.Errors)
	id := im.number("resource_no")
	in := ResourceInput{Department: strings.TrimSpace(im.row.Get("department")), Description: im.row.Get("description")}
	if v := im.row.Get("unit"); v != "" {
		in.UnitID, _ = im.unitNamed("unit", v)
	} else if v := im.row.Get("area"); v != "" && id == 0 {
		in.AreaID, _ = im.community("area")
	}
	kind, _ := im.enum(ResourceSheet, "kind")
	in.Kind = Kind(kind)
	in.FromOn, _ = im.date("from_on")
	in.ToOn, _ = im.date("to_on")
	if len(im.res.Errors) > before || id < 0 {
		return nil
	}
	var cur Resource
	found := false
	if id > 0 {
		r, err := im.s.loadResource(im.ctx, im.q, "resource_id", id)
		if stop, err := im.refused(err, resourceFields, "resource_no"); stop {
			return err
		}
		cur, found = r, true
		im.fixed("unit", im.row.Get("unit"), r.UnitName)
		im.fixed("department", in.Department, r.Department)
		if !in.FromOn.IsZero() && in.FromOn != r.FromOn {
			im.problem("from_on", "err.cob_sheet_cell_fixed", r.FromOn.String())
		}
	} else {
		r, err := scanResource(im.q.QueryRowContext(im.ctx, "SELECT "+resourceCols+resourceFrom+
			" WHERE COALESCE(r.unit_id, 0) = ? AND r.department = ? AND r.kind = ? AND r.description = ? AND r.from_on = ? ORDER BY r.id LIMIT 1",
			in.UnitID, in.Department, in.Kind, strings.TrimSpace(in.Description), in.FromOn))
		if err != nil && !db.IsNotFound(err) {
			return err
		}
		cur, found = r, err == nil
	}
	if len(im.res.Errors) > before {
		return nil
	}
	if found {
		// An empty cell keeps what the platform has (an empty 截止日期
		// is an open offer).
		if in.Kind == "" {
			in.Kind = cur.Kind
		}
		if strings.TrimSpace(in.Description) == "" {
			in.Description = cur.Description
		}
		if in.Kind == cur.Kind && norm(in.Description) == norm(cur.Description) && in.ToOn == cur.ToOn {
			return nil
		}
		_, err := im.refused(im.s.updateResource(im.ctx, im.q, cur.ID, ResourceChange{Kind: in.Kind, Description: in.Description, ToOn: in.ToOn}), resourceFields, "resource_no")
		im.changed = err == nil && len(im.res.Errors) == before
		return err
	}
	stop, err := im.refused(im.mustCreate(im.s.createResource(im.ctx, im.q, in)), resourceFields, "description")
	im.changed = !stop
	return err
}

var projectFields = map[string]string{"area_id": "community", "org_id": "org", "title": "title", "started_on": "started_on",
	"done_on": "done_on", "estimated_cost": "estimated_cost", "actual_cost": "actual_cost", "note": "title", "project_id": "project_no",
	"unit_id": "unit", "department": "department", "kind": "kind", "value": "value", "description": "description", "given_on": "given_on"}

// projectRow is what a row says of its project.
type projectRow struct {
	line                  int
	id                    int64
	areaID, orgID         int64
	title                 string
	startedOn, doneOn     date.Date
	estimated             int64
	actual                *int64
	community, org, cells string
}

// project checks a row of the project list: the project it names is added
// or corrected on its first row (later rows of the same project must say
// the same), and the participant's contribution it names added unless
// already recorded.
func (im *importer) project() error {
	before := len(im.res.Errors)
	if im.projects == nil {
		im.projects = map[string]projectRow{}
	}
	pr := projectRow{line: im.row.Line, title: strings.TrimSpace(im.row.Get("title")), community: im.row.Get("community"), org: im.row.Get("org")}
	cells := []string{}
	for _, c := range []string{"project_no", "community", "title", "org", "started_on", "done_on", "estimated_cost", "actual_cost"} {
		cells = append(cells, norm(im.row.Get(c)))
	}
	pr.cells = strings.Join(cells, "\x00")
	if v := im.row.Get("project_no"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			im.problem("project_no", "err.cob_sheet_number", v)
			return nil
		}
		pr.id = n
	}
	pr.startedOn, _ = im.date("started_on")
	pr.doneOn, _ = im.date("done_on")
	pr.estimated, _ = im.money("estimated_cost")
	if im.row.Get("actual_cost") != "" {
		if n, ok := im.money("actual_cost"); ok {
			pr.actual = &n
		}
	}
	key := "#" + strconv.FormatInt(pr.id, 10)
	if pr.id == 0 {
		key = norm(pr.community) + "\x00" + norm(pr.title) + "\x00" + pr.startedOn.String()
	}
	if len(im.res.Errors) > before {
		return nil
	}
	first, again := im.projects[key]
	if again {
		if first.cells != pr.cells {
			im.problem("title", "err.cob_sheet_project_differs", first.line)
			return nil
		}
		pr = first
	} else {
		id, err := im.projectOf(&pr)
		if err != nil || len(im.res.Errors) > before {
			return err
		}
		pr.id = id
		im.projects[key] = pr
	}
	if pr.id == 0 {
		return nil // the project's first row was refused
	}
	return im.contribution(pr.id, before)
}

// projectOf adds or corrects the project a row names, returning its id
// (0 when refused: the problems are recorded).
func (im *importer) projectOf(pr *projectRow) (int64, error) {
	before := len(im.res.Errors)
	var cur Project
	found := false
	if pr.id > 0 {
		p, err := im.s.loadProject(im.ctx, im.q, "project_id", pr.id)
		if stop, err := im.refused(err, projectFields, "project_no"); stop {
			return 0, err
		}
		cur, found = p, true
		if a, err := im.s.Areas.Get(im.ctx, p.AreaID); err == nil {
			im.fixed("community", pr.community, a.Name)
		}
		im.fixed("org", pr.org, p.OrgName)
		if !pr.startedOn.IsZero() && pr.startedOn != p.StartedOn {
			im.problem("started_on", "err.cob_sheet_cell_fixed", p.StartedOn.String())
		}
	} else {
		var ok bool
		if pr.areaID, ok = im.community("community"); !ok {
			return 0, nil
		}
		if pr.startedOn.IsZero() {
			im.problem("started_on", "err.cob_required")
			return 0, nil
		}
		p, err := scanProject(im.q.QueryRowContext(im.ctx, "SELECT "+projectCols+projectFrom+" WHERE p.area_id = ? AND p.title = ? AND p.started_on = ? ORDER BY p.id LIMIT 1",
			pr.areaID, pr.title, pr.startedOn))
		if err != nil && !db.IsNotFound(err) {
			return 0, err
		}
		cur, found = p, err == nil
		if found {
			im.fixed("org", pr.org, p.OrgName)
		}
	}
	if len(im.res.Errors) > before {
		return 0, nil
	}
	if !found {
		if pr.org == "" {
			im.problem("org", "err.cob_required")
			return 0, nil
		}
		orgID, ok := im.orgNamed("org", pr.org)
		if !ok {
			return 0, nil
		}
		id, err := im.s.createProject(im.ctx, im.q, ProjectInput{AreaID: pr.areaID, OrgID: orgID, Title: pr.title, StartedOn: pr.startedOn, EstimatedCost: pr.estimated})
		if stop, err := im.refused(err, projectFields, "title"); stop {
			return 0, err
		}
		cur = Project{ID: id, StartedOn: pr.startedOn, Title: pr.title, EstimatedCost: pr.estimated}
		im.changed = true
	}
	// An empty cell keeps what the platform has: a done project stays
	// done.
	if im.row.Get("estimated_cost") == "" {
		pr.estimated = cur.EstimatedCost
	}
	if pr.actual == nil {
		pr.actual = cur.ActualCost
	}
	if pr.doneOn.IsZero() {
		pr.doneOn = cur.DoneOn
	}
	same := norm(pr.title) == norm(cur.Title) && pr.estimated == cur.EstimatedCost && pr.doneOn == cur.DoneOn &&
		(pr.actual == nil) == (cur.ActualCost == nil) && (pr.actual == nil || *pr.actual == *cur.ActualCost)
	if same {
		return cur.ID, nil
	}
	err := im.s.updateProject(im.ctx, im.q, cur.ID, ProjectChange{Title: pr.title, EstimatedCost: pr.estimated, ActualCost: pr.actual, DoneOn: pr.doneOn, Note: cur.Note})
	if stop, err := im.refused(err, projectFields, "title"); stop {
		return 0, err
	}
	im.changed = true
	return cur.ID, nil
}

// contribution adds what the row's participant gave project id unless
// the same gift is recorded.
func (im *importer) contribution(projectID int64, before int) error {
	unit, dept := im.row.Get("unit"), strings.TrimSpace(im.row.Get("department"))
	if unit == "" && dept == "" {
		for _, c := range []string{"kind", "value", "description", "given_on"} {
			if im.row.Get(c) != "" {
				im.problem("unit", "err.cob_giver_required")
				break
			}
		}
		return nil
	}
	in := ContributionInput{ProjectID: projectID, Department: dept, Description: im.row.Get("description")}
	if unit != "" {
		in.UnitID, _ = im.unitNamed("unit", unit)
	}
	kind, _ := im.enum(ProjectSheet, "kind")
	in.Kind = ContributionKind(kind)
	in.Value, _ = im.money("value")
	var ok bool
	if in.GivenOn, ok = im.date("given_on"); ok && in.GivenOn.IsZero() {
		im.problem("given_on", "err.cob_required")
	}
	if len(im.res.Errors) > before {
		return nil
	}
	var n int
	if err := im.q.QueryRowContext(im.ctx, `SELECT COUNT(*) FROM co_contribution WHERE project_id = ? AND COALESCE(unit_id, 0) = ? AND department = ?
AND kind = ? AND value = ? AND given_on = ?`, projectID, in.UnitID, in.Department, in.Kind, in.Value, in.GivenOn).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	stop, err := im.refused(im.mustCreate(im.s.addContribution(im.ctx, im.q, in)), projectFields, "unit")
	if !stop {
		im.changed = true
	}
	return err
}
