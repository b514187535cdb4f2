package importer

import (
	"context"
	"hash/fnv"
	"io"

	"dangjian/internal/db"
	"dangjian/internal/people"
)

// memberFields maps the domain's fields to the sheet's columns.
var memberFields = map[string]string{
	"name": "name", "gender": "gender", "ethnicity": "ethnicity", "birth_date": "birth_date", "id_number": "id_number",
	"phone": "phone", "education": "education", "address": "address", "org_id": "branch", "status": "status",
	"category": "category", "joined_party_on": "joined_on", "from": "transferred_in_on", "full_on": "status",
	"note": "note", "reason": "transfer_reason", "from_org_name": "from_org", "person_id": "id_number",
	"person_no": "person_no",
}

// batchRows is how many rows are checked against the database at once.
const batchRows = 500

// memberRow maps one row to the domain's input and checks what needs no
// database. ok is false when the row is bad (its errors are added).
func (j *job) memberRow(line int, values []string) (people.MemberCheck, people.ImportOrg, map[string]bool) {
	c := &cells{j: j, line: line, values: values}
	var in people.MemberInput
	p := &in.Person
	p.Name = c.required("name")
	// An export masks the ID and phone numbers unless its user may reveal
	// them; with the person number it wrote, the row still finds its
	// person, who keeps the numbers on record.
	p.IDNumber = c.get("id_number")
	in.PersonNo = c.number("person_no")
	if isMasked(p.IDNumber) {
		p.IDNumber = ""
		if in.PersonNo == 0 {
			c.fail("id_number", "err.import_id_masked")
		}
	}
	p.Gender = people.Gender(c.enum("gender", false))
	if p.Gender == "" {
		if p.Gender = people.GenderFromID(p.IDNumber); p.Gender == "" && p.IDNumber != "" {
			// The ID number cannot give the gender: say what is wrong with it.
			if _, _, err := people.ParseIDNumber("id_number", p.IDNumber, j.rn.People.Today()); err != nil {
				c.errs = append(c.errs, j.rowErr(line, memberFields, err))
			}
		}
	}
	p.Ethnicity = c.get("ethnicity")
	p.BirthDate = c.date("birth_date", false)
	p.Phone = c.get("phone")
	if isMasked(p.Phone) {
		p.Phone, in.KeepPhone = "", true
	}
	var ok bool
	if p.Education, ok = education(c.get("education")); !ok {
		c.fail("education", "err.import_value_invalid", c.get("education"), "研究生、大学本科、大学专科、中专、高中、初中、小学及以下")
	}
	p.Address = c.get("address")
	m := &in.Membership
	m.Status = people.Status(c.enum("status", true))
	m.Category = people.Category(c.enum("category", true))
	m.JoinedPartyOn = c.date("joined_on", true)
	m.From = c.date("transferred_in_on", false)
	m.Reason = people.StartReason(c.enum("transfer_reason", false))
	if m.Reason == "" {
		m.Reason = people.Enrolment
	}
	m.FromOrgName = c.get("from_org")
	m.Note = c.get("note")
	o := j.orgByID[c.resolve(j.orgNames, "branch", "branch_no", j.orgID)]
	m.OrgID = o.ID
	fields := memberFields
	if m.From.IsZero() {
		// No transfer date: a member of this branch since joining the party,
		// or since the branch was founded if they joined before. A refusal
		// of that date is one of the joining date.
		m.From = m.JoinedPartyOn
		if m.From.Before(o.StartedOn) {
			m.From = o.StartedOn
		}
		fields = fromJoined
	}
	// Every problem of the row at once: the cells that could not be read,
	// then the rules' refusals of the others (a column with a problem
	// already is not blamed twice).
	chk, errs := j.rn.People.CheckMemberAll(in)
	blamed := map[string]bool{}
	for _, e := range c.errs {
		blamed[e.Column] = true
		j.addErr(e)
	}
	if blamed["person_no"] {
		blamed["id_number"] = true // a bad person number leaves the row without its ID
	}
	for _, err := range errs {
		e := j.rowErr(line, fields, err)
		if blamed[e.Column] && e.Column != "" {
			continue
		}
		blamed[e.Column] = true
		j.addErr(e)
	}
	if len(blamed) > 0 {
		j.who(line, p.Name, c.get("id_number"))
	}
	return chk, o, blamed
}

// fromJoined is memberFields for a row without a transfer date, whose
// membership starts on the joining date.
var fromJoined = func() map[string]string {
	m := make(map[string]string, len(memberFields))
	for k, v := range memberFields {
		m[k] = v
	}
	m["from"] = "joined_on"
	return m
}()

// batch is rows waiting for their database checks. A row with problems of
// its own is checked too, so that the dry run shows every problem at once;
// blamed holds its columns already refused (nil for a good row).
type batch struct {
	lines  []int
	checks []people.MemberCheck
	orgs   []people.ImportOrg
	blamed []map[string]bool
}

func (b *batch) add(line int, c people.MemberCheck, o people.ImportOrg, blamed map[string]bool) {
	b.lines = append(b.lines, line)
	b.checks = append(b.checks, c)
	b.orgs = append(b.orgs, o)
	b.blamed = append(b.blamed, blamed)
}

func (b *batch) reset() {
	b.lines, b.checks, b.orgs, b.blamed = b.lines[:0], b.checks[:0], b.orgs[:0], b.blamed[:0]
}

// plan checks a batch against the database on q and returns the good
// rows' plans, adding the bad rows' errors.
func (j *job) plan(ctx context.Context, q db.Q, b *batch) ([]people.MemberPlan, error) {
	plans, bad, err := j.rn.People.PlanMembers(ctx, q, b.lines, b.checks, b.orgs, j.orgInScope)
	if err != nil {
		return nil, err
	}
	partial := map[int]bool{}
	for i := range b.lines {
		if b.blamed[i] != nil {
			partial[b.lines[i]] = true
		}
		e, ok := bad[i]
		if !ok {
			continue
		}
		re := j.rowErr(b.lines[i], memberFields, e)
		if b.blamed[i][re.Column] || (b.blamed[i] != nil && re.Column == "") {
			continue // the row's own problem, said already
		}
		j.addErr(re)
		if j.res.Who == nil {
			j.res.Who = map[int]string{}
		}
		if _, named := j.res.Who[b.lines[i]]; !named {
			j.res.Who[b.lines[i]] = b.checks[i].Label()
		}
	}
	if len(partial) > 0 {
		good := plans[:0]
		for _, pl := range plans {
			if !partial[pl.Line] {
				good = append(good, pl)
			}
		}
		plans = good
	}
	return plans, nil
}

// members runs the member import in one pass over the file: the file is
// parsed in a goroutine of its own while the rows are checked and, for a
// real run, written in batches inside one transaction, which rolls back if
// any row is bad. A dry run checks against the committed data and writes
// nothing. Parsing (one core) overlaps checking and writing (the other), so
// an import takes not much longer than reading the file.
func (j *job) members(ctx context.Context) error {
	if err := j.loadOrgs(ctx); err != nil {
		return err
	}
	if j.opts.DryRun {
		return j.memberRows(ctx, j.rn.DB.Reader(), false)
	}
	err := j.rn.DB.Tx(ctx, func(q db.Q) error {
		if err := j.memberRows(ctx, q, true); err != nil {
			return err
		}
		if !j.res.OK() {
			return db.ErrRollback
		}
		return j.commit(ctx, q)
	})
	if err == nil && !j.res.OK() {
		j.res.Created, j.res.Updated, j.res.Unchanged = 0, 0, 0 // rolled back
	}
	return err
}

// memberRows checks every row of the file, batch by batch against the
// database on q, and writes the batches while no row has been bad so far.
func (j *job) memberRows(ctx context.Context, q db.Q, write bool) error {
	seen := map[uint64]int32{}
	var b batch
	flush := func() error {
		if len(b.lines) == 0 {
			return nil
		}
		plans, err := j.plan(ctx, q, &b)
		b.reset()
		if err != nil {
			return err
		}
		if !write {
			for i := range plans {
				j.count(plans[i].Outcome)
			}
			return nil
		}
		if !j.res.OK() {
			return nil // it will roll back: go on only to find every bad row
		}
		n, err := j.rn.People.WriteMembers(ctx, q, plans)
		if err != nil {
			return err
		}
		j.res.Created += n.Created
		j.res.Updated += n.Updated
		j.res.Unchanged += n.Unchanged
		return nil
	}
	rows := prefetch(j.rd)
	defer rows.Close()
	for {
		r, err := rows.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		j.res.Rows++
		for _, p := range r.Problems {
			j.addErr(p)
		}
		if len(r.Problems) > 0 {
			continue
		}
		chk, o, blamed := j.memberRow(r.Line, r.Values)
		if len(blamed) > 0 {
			// Checked against the database for the rest, when it names
			// a person and an organisation; never written.
			if o.ID != 0 && chk.Plannable() {
				b.add(r.Line, chk, o, blamed)
			}
			continue
		}
		if first, dup := seenBefore(seen, chk.Keys(), r.Line); dup {
			j.addErr(j.rd.RowError(r.Line, "id_number", "err.import_duplicate", int(first)))
			continue
		}
		b.add(r.Line, chk, o, nil)
		if len(b.lines) >= batchRows {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// seenBefore reports the first line that named the same person as line,
// by any of keys (an ID number's hash, a person number), and remembers
// line for the keys not seen yet. Only an 8-byte hash of each key is kept.
func seenBefore(seen map[uint64]int32, keys []string, line int) (int32, bool) {
	hashes := make([]uint64, len(keys))
	for i, k := range keys {
		h := fnv.New64a()
		h.Write([]byte(k))
		hashes[i] = h.Sum64()
		if first, dup := seen[hashes[i]]; dup {
			return first, true
		}
	}
	for _, h := range hashes {
		seen[h] = int32(line)
	}
	return 0, false
}
