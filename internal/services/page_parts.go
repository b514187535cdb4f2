package services

import (
	"html/template"
	"net/url"
	"strings"

	"dangjian/internal/web"
)

// The parts every list of part four (b) shows: the tabs between the lists
// and the count by kind of what the list holds.

// tabs are the lists, in the order the tabs show them.
var tabs = []struct{ id, href, label string }{
	{"tab-outlets", "/outlets", "ui.outlets.title"},
	{"tab-designations", "/designations", "ui.designations.title"},
	{"tab-records", "/service-records", "ui.service_records.title"},
	{"tab-placements", "/placements", "ui.placements.title"},
	{"tab-deeds", "/good-deeds", "ui.deeds.title"},
}

// svcTabs is the tab bar, keeping the area a list is narrowed to.
func svcTabs(v *web.View) template.HTML {
	var b strings.Builder
	b.WriteString(`<nav class="actions-bar" aria-label="` + template.HTMLEscapeString(v.T("ui.nav.services")) + `">`)
	q := ""
	if pg, ok := v.D.(*listPage); ok && pg.AreaID != 0 {
		q = "?" + url.Values{"area": {web.Itoa(pg.AreaID)}}.Encode()
	}
	for _, t := range tabs {
		b.WriteString(` <a id="` + t.id + `" href="` + t.href + q + `">` + template.HTMLEscapeString(v.T(t.label)) + `</a>`)
	}
	b.WriteString(`</nav>`)
	return template.HTML(b.String())
}

// svcCounts is the count by kind of a list: a small table, each kind's
// number linking to the list of that kind.
func svcCounts(v *web.View) template.HTML {
	pg, ok := v.D.(*listPage)
	if !ok || len(pg.Counts) == 0 {
		return ""
	}
	var head, body strings.Builder
	var total int64
	for _, c := range pg.Counts {
		q := url.Values{"kind": {c.Kind}}
		if pg.AreaID != 0 {
			q.Set("area", web.Itoa(pg.AreaID))
		}
		head.WriteString("<th>" + template.HTMLEscapeString(v.T(pg.Prefix+c.Kind)) + "</th>")
		body.WriteString(`<td data-kind="` + c.Kind + `"><a href="?` + q.Encode() + `">` + web.Itoa(c.N) + "</a></td>")
		total += c.N
	}
	return template.HTML(`<table id="counts" class="counts"><thead><tr>` + head.String() + "<th>" + template.HTMLEscapeString(v.T("ui.svc.total")) +
		`</th></tr></thead><tbody><tr>` + body.String() + `<td id="count-total">` + web.Itoa(total) + "</td></tr></tbody></table>")
}
