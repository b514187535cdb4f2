package cobuilding

import (
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// The shared parts of part four (a)'s forms.

// kindOptions is a select over fixed values labelled from prefix+value.
func kindOptions[T ~string](lang i18n.Lang, prefix string, values []T) []web.Option {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return web.EnumOptions(lang, prefix, "", s...)
}

// giverFields are a unit (picked) or a named department.
func giverFields(lang i18n.Lang) []web.Field {
	return []web.Field{
		{Name: "unit_id", Label: i18n.T(lang, "ui.cob.unit"), Type: "picker", Pick: "units"},
		{Name: "department", Label: i18n.T(lang, "ui.cob.department"), Type: "text", Help: i18n.T(lang, "ui.cob.department_help")},
	}
}

// parseCount reads a whole number (empty for 0).
func parseCount(field, s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, i18n.Errf(field, "err.cob_count_invalid")
	}
	return n, nil
}

// parseQuantity reads a measure's quantity.
func parseQuantity(field, s string) (float64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, i18n.Errf(field, "err.cob_count_invalid")
	}
	return f, nil
}

// ticked lists the values of the checkboxes prefix+value that are ticked.
func ticked(v url.Values, prefix string, values []string) []string {
	var out []string
	for _, x := range values {
		if v.Get(prefix+x) != "" {
			out = append(out, x)
		}
	}
	return out
}

// yuan shows fen as 元 for a form's default (empty for none).
func yuan(fen *int64) string {
	if fen == nil {
		return ""
	}
	return strconv.FormatFloat(float64(*fen)/100, 'f', -1, 64)
}
