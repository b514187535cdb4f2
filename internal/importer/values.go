package importer

import (
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/people"
	"dangjian/internal/xlsx"
)

// educations maps 学历 as offices write it (and the codes) to the domain's
// levels.
var educations = map[string]people.Education{
	"研究生": people.Postgraduate, "博士": people.Postgraduate, "硕士": people.Postgraduate, "博士研究生": people.Postgraduate, "硕士研究生": people.Postgraduate,
	"大学本科": people.Bachelor, "本科": people.Bachelor,
	"大学专科": people.College, "大专": people.College, "专科": people.College,
	"中专": people.SecondaryVocational, "中等专科": people.SecondaryVocational, "中技": people.SecondaryVocational, "职高": people.SecondaryVocational,
	"高中": people.HighSchool,
	"初中": people.JuniorHigh,
	"小学": people.PrimaryOrBelow, "小学及以下": people.PrimaryOrBelow, "文盲": people.PrimaryOrBelow,
}

// EducationLabel is the zh label written on export.
func EducationLabel(e people.Education, en bool) string {
	if en {
		return string(e)
	}
	switch e {
	case people.Postgraduate:
		return "研究生"
	case people.Bachelor:
		return "大学本科"
	case people.College:
		return "大学专科"
	case people.SecondaryVocational:
		return "中专"
	case people.HighSchool:
		return "高中"
	case people.JuniorHigh:
		return "初中"
	case people.PrimaryOrBelow:
		return "小学及以下"
	}
	return string(e)
}

func education(v string) (people.Education, bool) {
	if v == "" {
		return "", true
	}
	if e, ok := educations[strings.ReplaceAll(v, " ", "")]; ok {
		return e, true
	}
	e := people.Education(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(v)), " ", "_"))
	for _, x := range people.Educations {
		if x == e {
			return e, true
		}
	}
	return "", false
}

// unitKinds maps the sheet's codes to the domain's.
var unitKinds = map[string]people.UnitKind{
	"party_government": people.PartyGovernmentOrgan, "public_institution": people.PublicInstitution,
	"state_enterprise": people.StateEnterprise, "private_enterprise": people.PrivateEnterprise,
	"social_organisation": people.SocialOrganisation,
}

func unitKindCode(k people.UnitKind) string {
	for c, v := range unitKinds {
		if v == k {
			return c
		}
	}
	return string(k)
}

// cells reads the values of one row with the errors of its cells.
type cells struct {
	j      *job
	line   int
	values []string
	errs   []*xlsx.RowError
}

func (c *cells) get(key string) string {
	if i := c.j.rd.Schema().Col(key); i >= 0 && i < len(c.values) {
		return c.values[i]
	}
	return ""
}

func (c *cells) fail(key, msg string, args ...any) {
	c.errs = append(c.errs, c.j.rd.RowError(c.line, key, msg, args...))
}

// number reads a record's number (人员编号, 支部编号…, a positive whole
// number); 0 for an empty cell.
func (c *cells) number(key string) int64 {
	v := c.get(key)
	if v == "" {
		return 0
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		c.fail(key, "err.import_number_invalid", v)
		return 0
	}
	return n
}

// isMasked reports whether v is a number an export masked (pii.Mask
// replaces its middle with asterisks).
func isMasked(v string) bool { return strings.Contains(v, "*") }

// required refuses an empty cell.
func (c *cells) required(key string) string {
	v := c.get(key)
	if v == "" {
		c.fail(key, "err.import_required")
	}
	return v
}

// enum maps an Enum cell to its code; "" for an empty cell.
func (c *cells) enum(key string, required bool) string {
	v := c.get(key)
	if v == "" {
		if required {
			c.fail(key, "err.import_required")
		}
		return ""
	}
	col := &c.j.rd.Schema().Columns[c.j.rd.Schema().Col(key)]
	code, ok := col.Code(v)
	if !ok {
		var allowed []string
		for _, x := range col.Values {
			allowed = append(allowed, x.ZH)
		}
		c.fail(key, "err.import_value_invalid", v, strings.Join(allowed, "、"))
	}
	return code
}

// date reads a Date cell.
func (c *cells) date(key string, required bool) date.Date {
	v := c.get(key)
	if v == "" {
		if required {
			c.fail(key, "err.import_required")
		}
		return date.Date{}
	}
	s, ok := xlsx.NormalizeDate(v)
	if !ok {
		c.fail(key, "err.import_date_invalid", v)
		return date.Date{}
	}
	d, err := date.Parse(s)
	if err != nil {
		c.fail(key, "err.import_date_invalid", v)
	}
	return d
}
