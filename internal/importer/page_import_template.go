package importer

import (
	"net/http"
	"strings"

	"dangjian/internal/i18n"
	"dangjian/internal/people"
	"dangjian/internal/web"
	"dangjian/internal/xlsx"
)

// templateExamples are the example rows of the templates, by kind and
// column key (fictional: the ID number's region 449900 is no county's).
// An Enum column left out shows its first allowed value.
var templateExamples = map[string]map[string]string{
	"members": {
		"name": "示例党员", "ethnicity": "汉族", "birth_date": "1980-01-01", "id_number": "449900198001010012",
		"phone": "13900000001", "education": "大学本科", "address": "示范路1号", "branch": "迎宾社区党支部",
		"joined_on": "2005-07-01", "transfer_reason": "转入", "from_org": "外区某支部",
	},
	"units": {
		"name": "示范区房管所", "community": "迎宾社区", "party_org": "示范区房管所党支部", "established_on": "2019-01-01",
	},
	"posts": {
		"name": "示例党员", "id_number": "449900198001010012", "org": "迎宾社区党支部", "from": "2023-11-01", "term": "6",
	},
}

// importTemplate serves GET /import/templates/{kind}.xlsx: the sheet of a
// kind with its headers, an example row and the allowed values.
func (s *pages) importTemplate(w http.ResponseWriter, r *http.Request) {
	kind, ok := strings.CutSuffix(r.PathValue("file"), ".xlsx")
	schema := xlsx.SchemaByName(kind)
	if !ok || schema == nil {
		s.NotFound(w, r)
		return
	}
	lang := web.Lang(r)
	example := map[string]string{}
	for _, c := range schema.Columns {
		switch v := templateExamples[kind][c.Key]; {
		case v != "" && lang == i18n.EN && c.Kind == xlsx.Enum:
			code, _ := c.Code(v)
			example[c.Key] = c.Label(code, lang)
		case v != "":
			example[c.Key] = v
		case c.Kind == xlsx.Enum && len(c.Values) > 0:
			example[c.Key] = c.Label(c.Values[0].Code, lang)
		}
	}
	var educations []string
	for _, e := range people.Educations {
		educations = append(educations, EducationLabel(e, lang == i18n.EN))
	}
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Content-Disposition", `attachment; filename="`+kind+`-template.xlsx"`)
	if err := xlsx.WriteTemplate(w, schema, lang, example, map[string][]string{"education": educations}); err != nil {
		s.ServerError(w, r, err)
	}
}
