package importer

import (
	"context"
	"io"
	"strconv"

	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/people"
	"dangjian/internal/xlsx"
)

// sheetRows is the most rows an XLSX export holds (a variable for tests).
var sheetRows = xlsx.MaxSheetRows

// ExportOptions say what to export and how.
type ExportOptions struct {
	Kind   string
	Format string // xlsx.FormatXLSX or xlsx.FormatCSV
	AreaID int64  // 0: the caller's scope
	// Reveal writes ID and phone numbers in full (the caller may reveal);
	// otherwise they are masked, and an import of the file finds each
	// person by the person number instead and keeps the numbers on record.
	Reveal bool
	Lang   i18n.Lang
	// OnRow, unless nil, is called with the rows written so far after each
	// row (an export job's progress).
	OnRow func(n int)
}

// Export writes the sheet to w in the schema's columns, so that it can be
// imported back. The export is audited before anything is written
// ("export.members" and so on, with the area and whether numbers were in
// full; no personal data). It returns the rows written.
func (rn *Runner) Export(ctx context.Context, w io.Writer, o ExportOptions) (int, error) {
	schema := xlsx.SchemaByName(o.Kind)
	if schema == nil {
		return 0, i18n.Errf("kind", "err.import_kind_invalid", o.Kind)
	}
	if o.Format == xlsx.FormatXLSX {
		n, err := rn.People.ExportCount(ctx, o.Kind, o.AreaID)
		if err != nil {
			return 0, err
		}
		if n > sheetRows {
			return 0, i18n.Errf("format", "err.export_too_large_for_xlsx", n, sheetRows)
		}
	}
	if err := audit.Write(ctx, rn.DB, audit.Entry{Action: "export." + o.Kind, TargetType: "area", TargetID: strconv.FormatInt(o.AreaID, 10),
		Detail: "format=" + o.Format + " reveal=" + strconv.FormatBool(o.Reveal)}); err != nil {
		return 0, err
	}
	wr, err := xlsx.NewWriter(w, o.Format, schema, o.Lang)
	if err != nil {
		return 0, err
	}
	n := 0
	vals := make([]string, len(schema.Columns))
	col := func(key string) *xlsx.Column { return &schema.Columns[schema.Col(key)] }
	set := func(key, v string) { vals[schema.Col(key)] = v }
	label := func(key, code string) string {
		if code == "" {
			return ""
		}
		return col(key).Label(code, o.Lang)
	}
	day := func(d date.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	number := func(id int64) string {
		if id == 0 {
			return ""
		}
		return strconv.FormatInt(id, 10)
	}
	emit := func() error {
		n++
		err := wr.Write(vals)
		clear(vals)
		if o.OnRow != nil {
			o.OnRow(n)
		}
		return err
	}
	switch o.Kind {
	case "members":
		err = rn.exportMembers(ctx, o, func(r *people.MemberExport) error {
			p, m := &r.Person, &r.Membership
			set("person_no", number(p.ID))
			set("name", p.Name)
			set("gender", label("gender", string(p.Gender)))
			set("ethnicity", p.Ethnicity)
			set("birth_date", day(p.BirthDate))
			set("id_number", p.IDNumber)
			set("phone", p.Phone)
			set("education", EducationLabel(p.Education, o.Lang == i18n.EN))
			set("address", p.Address)
			set("branch", m.OrgName)
			set("status", label("status", string(m.Status)))
			set("category", label("category", string(m.Category)))
			set("joined_on", day(m.JoinedPartyOn))
			set("transferred_in_on", day(m.From))
			set("transfer_reason", label("transfer_reason", string(m.StartReason)))
			set("from_org", m.FromOrgName)
			set("note", m.Note)
			set("branch_no", number(m.OrgID))
			return emit()
		})
	case "units":
		err = rn.People.ExportUnits(ctx, o.AreaID, func(e *people.UnitExport) error {
			set("name", e.Unit.Name)
			set("kind", label("kind", unitKindCode(e.Unit.Kind)))
			set("rank", label("rank", string(e.Unit.Rank)))
			set("community", e.Community)
			set("party_org", e.OrgName)
			set("established_on", day(e.Unit.StartedOn))
			set("community_no", number(e.Unit.AreaID))
			return emit()
		})
	default:
		err = rn.People.ExportPosts(ctx, o.AreaID, o.Reveal, date.Date{}, func(e *people.PostExport) error {
			set("person_no", number(e.Post.PersonID))
			set("name", e.Post.PersonName)
			set("id_number", e.IDNumber)
			set("org", e.Place)
			set("role", label("role", string(e.Post.Role)))
			set("from", day(e.Post.From))
			set("to", day(e.Post.To))
			if e.TermNumber > 0 {
				set("term", strconv.Itoa(e.TermNumber))
			}
			set("unit", e.UnitName)
			set("org_no", number(e.Post.OrgID+e.Post.AreaID)) // one of them is set
			set("unit_no", number(e.Post.UnitID))
			return emit()
		})
	}
	if err != nil {
		wr.Close()
		return n, err
	}
	return n, wr.Close()
}

// exportMembers reads the members in a goroutine of its own (the query,
// decryption and masking) while the caller writes the sheet, so that the
// two cores share the work; rows pass in batches.
func (rn *Runner) exportMembers(ctx context.Context, o ExportOptions, fn func(*people.MemberExport) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	const size = 512
	ch := make(chan []people.MemberExport, 4)
	errc := make(chan error, 1)
	go func() {
		defer close(ch)
		buf := make([]people.MemberExport, 0, size)
		err := rn.People.ExportMembers(ctx, o.AreaID, o.Reveal, func(r *people.MemberExport) error {
			buf = append(buf, *r)
			if len(buf) == size {
				select {
				case ch <- buf:
				case <-ctx.Done():
					return ctx.Err()
				}
				buf = make([]people.MemberExport, 0, size)
			}
			return nil
		})
		if err == nil && len(buf) > 0 {
			select {
			case ch <- buf:
			case <-ctx.Done():
				err = ctx.Err()
			}
		}
		errc <- err
	}()
	for b := range ch {
		for i := range b {
			if err := fn(&b[i]); err != nil {
				cancel()
				for range ch {
				}
				<-errc
				return err
			}
		}
	}
	return <-errc
}
