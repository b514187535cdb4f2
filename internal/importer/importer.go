// Package importer imports and exports the member, unit and post sheets:
// it joins the codecs of internal/xlsx (which know sheets, never the
// database) to internal/people (which knows the rules, never sheets).
// It is a package of its own rather than files in people because it has one
// job people does not: turning cells as offices write them into the
// domain's inputs and its errors back into "line, column, message".
//
// An import is all or nothing and repeatable. Members stream in one pass:
// a goroutine parses the file while the rows are checked and written in
// batches inside one transaction, rolled back on any bad row (a dry run
// checks against the committed data and writes nothing). Only the ID-number
// hashes seen so far stay in memory (for duplicates within the file). Units
// and posts, which are small files, are checked and written row by row
// inside one transaction that is rolled back for a dry run or on any bad row.
package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
	"dangjian/internal/pii"
	"dangjian/internal/tally"
	"dangjian/internal/xlsx"
)

// Runner runs imports and exports.
type Runner struct {
	DB     *db.DB
	People *people.Store
}

// Options tune one import.
type Options struct {
	DryRun bool
	// OnProgress is called now and then, from one goroutine at a time (while
	// the file is parsed, the parsing one).
	OnProgress func(Progress)
	// BeforeCommit, when set, runs last in a real import's transaction,
	// with the final counts: its error rolls the import back (a job ends
	// itself here, so that the import and the job's end are one commit).
	BeforeCommit func(ctx context.Context, q db.Q, res *Result) error
	// MaxErrors bounds the row errors kept (default 10,000); the rest are
	// counted in Result.MoreErrors.
	MaxErrors int
	// Limits are the reader's (tests lower them).
	Limits xlsx.Limits
}

// Progress is how far an import has got.
type Progress struct {
	Phase    string  // "check" while the file is read, then "done"
	Rows     int     // rows done in this phase
	Fraction float64 // of the whole import, [0, 1]
}

// Result is what an import found and did.
type Result struct {
	Kind       string
	DryRun     bool
	Rows       int
	Created    int
	Updated    int
	Unchanged  int
	Errors     []*xlsx.RowError
	MoreErrors int // bad rows beyond MaxErrors
	// Who names the person of each bad row, by line: the name and the ID
	// number masked, shown beside the row's problems.
	Who map[int]string
}

// BadRows counts the rows that have at least one of the listed problems.
func (r *Result) BadRows() int {
	lines := map[int]bool{}
	for _, e := range r.Errors {
		lines[e.Line] = true
	}
	return len(lines)
}

// OK reports whether every row was good.
func (r *Result) OK() bool { return len(r.Errors) == 0 && r.MoreErrors == 0 }

// ErrBadRows is returned (wrapped) by Import when any row is bad; the
// result lists them and nothing was written.
var ErrBadRows = errors.New("importer: bad rows, nothing written")

// Kinds are the sheets an import or export handles.
var Kinds = []string{"members", "units", "posts"}

// Import reads the sheet of kind from r (named name, size bytes) and,
// unless opts.DryRun, writes it. With bad rows it returns the result with
// their errors and ErrBadRows; a refused file returns the reader's error.
func (rn *Runner) Import(ctx context.Context, r io.ReaderAt, size int64, name, kind string, opts Options) (*Result, error) {
	schema := xlsx.SchemaByName(kind)
	if schema == nil {
		return nil, i18n.Errf("kind", "err.import_kind_invalid", kind)
	}
	if opts.MaxErrors <= 0 {
		opts.MaxErrors = 10_000
	}
	res := &Result{Kind: kind, DryRun: opts.DryRun}
	j := &job{rn: rn, opts: opts, res: res, seenKeys: map[string]int{}}
	xo := xlsx.Options{Limits: opts.Limits, ProgressEvery: 2000}
	xo.OnProgress = func(p xlsx.Progress) {
		if opts.OnProgress != nil {
			opts.OnProgress(Progress{Phase: "check", Rows: p.Rows, Fraction: p.Fraction()})
		}
	}
	rd, err := xlsx.OpenWith(r, size, name, schema, xo)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	j.rd = rd
	switch kind {
	case "members":
		err = j.members(ctx)
	case "units":
		err = j.rowByRow(ctx, j.unitRow)
	default:
		err = j.rowByRow(ctx, j.postRow)
	}
	if err != nil {
		return res, err
	}
	sort.SliceStable(res.Errors, func(a, b int) bool { return res.Errors[a].Line < res.Errors[b].Line })
	if !res.OK() {
		return res, fmt.Errorf("%w: %d", ErrBadRows, len(res.Errors)+res.MoreErrors)
	}
	if opts.OnProgress != nil {
		opts.OnProgress(Progress{Phase: "done", Rows: res.Rows, Fraction: 1})
	}
	return res, nil
}

// job is one import in progress.
type job struct {
	rn   *Runner
	opts Options
	res  *Result
	rd   *xlsx.Reader
	// resolved names, by normalised name
	orgs        map[string][]people.ImportOrg
	orgInScope  map[int64]bool
	orgByID     map[int64]people.ImportOrg
	orgNames    map[int64]string
	communities *directory
	units       *directory
	seenKeys    map[string]int // units and posts: the line of each key seen
}

// addErr keeps a row error (or counts it past the bound).
func (j *job) addErr(e *xlsx.RowError) {
	if len(j.res.Errors) >= j.opts.MaxErrors {
		j.res.MoreErrors++
		return
	}
	j.res.Errors = append(j.res.Errors, e)
}

// who records the person a bad row names: the name and the ID number
// masked as the screens show it.
func (j *job) who(line int, name, idNumber string) {
	if j.res.Who == nil {
		j.res.Who = map[int]string{}
	}
	j.res.Who[line] = strings.TrimSpace(name + " " + pii.MaskIDNumber(idNumber))
}

// rowErr turns a domain error into the row's error, naming the column the
// field comes from.
func (j *job) rowErr(line int, fieldCols map[string]string, err error) *xlsx.RowError {
	var ie *i18n.Error
	if !errors.As(err, &ie) {
		return j.rd.RowError(line, "", "err.import_row_failed", err.Error())
	}
	col := fieldCols[ie.Field]
	if col == "" && j.rd.Schema().Col(ie.Field) >= 0 {
		col = ie.Field
	}
	if col != "" && !j.rd.Has(col) && col == "transferred_in_on" {
		col = "joined_on"
	}
	e := j.rd.RowError(line, col, ie.Key, ie.Args...)
	if col == "" {
		e.Header = ""
	}
	return e
}

// isDomain reports whether err is a refusal of the domain's rules.
func isDomain(err error) bool {
	var ie *i18n.Error
	return errors.As(err, &ie)
}

// norm folds a name for lookups: spaces removed.
func norm(s string) string { return strings.Join(strings.Fields(s), "") }

// loadOrgs reads the party organisations of the scope once.
func (j *job) loadOrgs(ctx context.Context) error {
	orgs, err := j.rn.People.ImportOrgs(ctx)
	if err != nil {
		return err
	}
	j.orgs = map[string][]people.ImportOrg{}
	j.orgInScope = map[int64]bool{}
	j.orgByID, j.orgNames = map[int64]people.ImportOrg{}, map[int64]string{}
	for _, o := range orgs {
		j.orgs[norm(o.Name)] = append(j.orgs[norm(o.Name)], o)
		j.orgInScope[o.ID] = true
		j.orgByID[o.ID], j.orgNames[o.ID] = o, o.Name
	}
	return nil
}

// orgID is org for cells.resolve.
func (j *job) orgID(v string) (int64, string) {
	o, key := j.org(v)
	return o.ID, key
}

// org resolves an organisation by name (or id) within the scope: an
// active one wins over ended ones of the same name.
func (j *job) org(v string) (people.ImportOrg, string) {
	if id, err := strconv.ParseInt(v, 10, 64); err == nil {
		if o, ok := j.orgByID[id]; ok {
			return o, ""
		}
	}
	os := j.orgs[norm(v)]
	var active []people.ImportOrg
	for _, o := range os {
		if o.EndedOn.IsZero() {
			active = append(active, o)
		}
	}
	switch {
	case len(active) == 1:
		return active[0], ""
	case len(active) > 1:
		return people.ImportOrg{}, "err.import_org_ambiguous"
	case len(os) > 0:
		return os[len(os)-1], ""
	}
	return people.ImportOrg{}, "err.import_org_unknown"
}

// loadCommunities reads the communities of the scope, by name.
func (j *job) loadCommunities(ctx context.Context) error {
	query := "SELECT a.id, a.name FROM area a WHERE a.level = 'community' AND a.ended_on IS NULL"
	var args []any
	if sc := j.rn.People.Areas.ScopeOf(ctx); sc != 0 {
		query += " AND EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = a.id AND c.to_on IS NULL)"
		args = append(args, sc)
	}
	m, err := j.names(ctx, query, args...)
	j.communities = m
	return err
}

// loadUnits reads the active units located in the scope, by name.
func (j *job) loadUnits(ctx context.Context) error {
	query := "SELECT u.id, u.name FROM unit u JOIN unit_location l ON l.unit_id = u.id AND l.to_on IS NULL WHERE u.ended_on IS NULL"
	var args []any
	if sc := j.rn.People.Areas.ScopeOf(ctx); sc != 0 {
		query += " AND EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = ? AND c.descendant_id = l.area_id AND c.to_on IS NULL)"
		args = append(args, sc)
	}
	m, err := j.names(ctx, query, args...)
	j.units = m
	return err
}

func (j *job) names(ctx context.Context, query string, args ...any) (*directory, error) {
	rows, err := j.rn.DB.Reader().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("importer: names: %w", err)
	}
	defer rows.Close()
	out := newDirectory()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out.add(id, name)
	}
	return out, rows.Err()
}

// commit ends a real run's transaction: the audit entry, then the
// maintained counts (internal/tally) of every area the rows touched.
func (j *job) commit(ctx context.Context, q db.Q) error {
	if err := j.audit(ctx, q); err != nil {
		return err
	}
	if _, err := tally.Flush(ctx, q); err != nil {
		return err
	}
	if j.opts.BeforeCommit != nil {
		return j.opts.BeforeCommit(ctx, q, j.res)
	}
	return nil
}

// audit records the import as one action with its counts; no personal data.
func (j *job) audit(ctx context.Context, q db.Q) error {
	return audit.Append(ctx, q, audit.Entry{
		Action: "import." + j.res.Kind, TargetType: "import",
		After: map[string]any{"rows": j.res.Rows, "created": j.res.Created, "updated": j.res.Updated, "unchanged": j.res.Unchanged,
			"format": j.rd.Format()},
	})
}

// rowByRow runs the unit or post rows in one transaction, rolled back for
// a dry run or when any row is bad.
func (j *job) rowByRow(ctx context.Context, row func(ctx context.Context, q db.Q, r xlsx.Row) error) error {
	if err := j.loadOrgs(ctx); err != nil {
		return err
	}
	if err := j.loadCommunities(ctx); err != nil {
		return err
	}
	if err := j.loadUnits(ctx); err != nil {
		return err
	}
	err := j.rn.DB.Tx(ctx, func(q db.Q) error {
		for {
			r, err := j.rd.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			j.res.Rows++
			if len(r.Problems) > 0 {
				for _, p := range r.Problems {
					j.addErr(p)
				}
				continue
			}
			if err := row(ctx, q, r); err != nil {
				return err
			}
		}
		if j.opts.DryRun || !j.res.OK() {
			return db.ErrRollback
		}
		return j.commit(ctx, q)
	})
	return err
}

// count adds an outcome to the result.
func (j *job) count(o people.MemberOutcome) {
	switch o {
	case people.MemberCreated:
		j.res.Created++
	case people.MemberUpdated:
		j.res.Updated++
	default:
		j.res.Unchanged++
	}
}
