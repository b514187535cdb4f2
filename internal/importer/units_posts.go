package importer

import (
	"context"
	"fmt"
	"strconv"

	"dangjian/internal/db"
	"dangjian/internal/people"
	"dangjian/internal/xlsx"
)

var unitFields = map[string]string{
	"name": "name", "kind": "kind", "rank": "rank", "area_id": "community", "on": "established_on", "org_name": "party_org",
}

var postFields = map[string]string{
	"person_no": "person_no", "name": "name", "id_number": "id_number", "gender": "id_number", "birth_date": "id_number", "person_id": "id_number",
	"role": "role", "org_id": "org", "area_id": "org", "term_id": "term", "term": "term", "unit_id": "unit", "from": "from", "to": "to",
}

// unitRow imports one unit row inside the import's transaction.
func (j *job) unitRow(ctx context.Context, q db.Q, r xlsx.Row) error {
	c := &cells{j: j, line: r.Line, values: r.Values}
	var in people.UnitImport
	u := &in.Unit
	u.Name = c.required("name")
	u.Kind = unitKinds[c.enum("kind", true)]
	u.Rank = people.Rank(c.enum("rank", true))
	u.On = c.date("established_on", false)
	in.OrgName = c.get("party_org")
	u.AreaID = c.resolve(j.communities.byID, "community", "community_no", j.communities.one)
	if len(c.errs) == 0 {
		k := fmt.Sprint(u.AreaID, "\x00", norm(u.Name))
		if first, dup := j.seenKeys[k]; dup {
			c.fail("name", "err.import_duplicate", first)
		} else {
			j.seenKeys[k] = r.Line
		}
	}
	return j.finish(ctx, c, unitFields, func() (people.MemberOutcome, error) { return j.rn.People.ImportUnit(ctx, q, in) })
}

// postRow imports one post row inside the import's transaction.
func (j *job) postRow(ctx context.Context, q db.Q, r xlsx.Row) error {
	c := &cells{j: j, line: r.Line, values: r.Values}
	var in people.PostImport
	in.Person.Name = c.required("name")
	in.Person.IDNumber = c.get("id_number")
	in.PersonNo = c.number("person_no")
	if isMasked(in.Person.IDNumber) {
		in.Person.IDNumber = ""
		if in.PersonNo == 0 {
			c.fail("id_number", "err.import_id_masked")
		}
	}
	in.Person.Gender = people.GenderFromID(in.Person.IDNumber)
	p := &in.Post
	p.Role = people.Role(c.enum("role", true))
	p.From = c.date("from", true)
	in.To = c.date("to", false)
	if v := c.get("term"); v != "" {
		n, err := strconv.Atoi(trimTerm(v))
		if err != nil || n <= 0 {
			c.fail("term", "err.import_value_invalid", v, "1, 2, 3…")
		}
		in.TermNumber = n
	}
	switch {
	case p.Role == people.Director: // the community's director: the place is the community
		p.AreaID = c.resolve(j.communities.byID, "org", "org_no", j.communities.one)
	case p.Role != "":
		p.OrgID = c.resolve(j.orgNames, "org", "org_no", j.orgID)
	default:
		c.required("org")
	}
	if c.get("unit") != "" || c.get("unit_no") != "" {
		p.UnitID = c.resolve(j.units.byID, "unit", "unit_no", j.units.one)
	}
	if len(c.errs) == 0 {
		who := in.Person.IDNumber
		if who == "" {
			who = fmt.Sprint("no:", in.PersonNo)
		}
		k := fmt.Sprint(who, "\x00", p.OrgID, "\x00", p.AreaID, "\x00", p.Role, "\x00", p.From)
		if first, dup := j.seenKeys[k]; dup {
			c.fail("id_number", "err.import_duplicate", first)
		} else {
			j.seenKeys[k] = r.Line
		}
	}
	return j.finish(ctx, c, postFields, func() (people.MemberOutcome, error) { return j.rn.People.ImportPost(ctx, q, in) })
}

// trimTerm reads "第3届" or "3".
func trimTerm(v string) string {
	out := make([]rune, 0, len(v))
	for _, r := range v {
		if r >= '0' && r <= '9' {
			out = append(out, r)
		}
	}
	return string(out)
}

// finish runs the domain write of a row whose cells were good; a domain
// refusal becomes the row's error, anything else ends the import.
func (j *job) finish(ctx context.Context, c *cells, fields map[string]string, write func() (people.MemberOutcome, error)) error {
	if len(c.errs) > 0 {
		for _, e := range c.errs {
			j.addErr(e)
		}
		return nil
	}
	o, err := write()
	if err != nil {
		if isDomain(err) {
			j.addErr(j.rowErr(c.line, fields, err))
			return nil
		}
		return err
	}
	j.count(o)
	return nil
}
