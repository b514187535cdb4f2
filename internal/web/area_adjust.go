package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// areaAdjust shows and applies the adjust form: move the area under another
// parent, or record a boundary change described in the note, or both.
func (s *Server) areaAdjust(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a area.Area, lang i18n.Lang) (formSpec, error) {
		var parents []option
		if pl := parentLevel(a.Level); pl != "" {
			var err error
			if parents, err = s.areaOptions(r.Context(), lang, pl, 0); err != nil {
				return formSpec{}, err
			}
			parents[0].Label = i18n.T(lang, "ui.adjust.keep_parent")
		}
		return formSpec{
			Title:    i18n.T(lang, "ui.adjust.title", a.Name),
			Intro:    i18n.T(lang, "ui.adjust.intro"),
			Submit:   i18n.T(lang, "ui.adjust.submit"),
			Back:     areaURL(a.ID),
			Defaults: s.defaults("new_parent_id", strconv.FormatInt(a.ParentID, 10)),
			Fields: func(v url.Values) []field {
				var fs []field
				if parents != nil {
					fs = append(fs, field{Name: "new_parent_id", Label: i18n.T(lang, "ui.field.new_parent"), Type: "select",
						Options: s.keepChosen(r.Context(), lang, parents, v.Get("new_parent_id"))})
				}
				return append(fs, dateField(lang),
					field{Name: "note", Label: i18n.T(lang, "ui.field.boundary_note"), Type: "textarea", Help: i18n.T(lang, "ui.help.boundary_note")})
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.areas.Adjust(ctx, area.AdjustInput{AreaID: a.ID, NewParentID: parseID(v.Get("new_parent_id")), On: on, Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return areaURL(a.ID), []string{"ui.flash.adjusted", a.Name, on.String()}, nil
			},
		}, nil
	})
}

// parentLevel is the level directly above l, or "" for the top.
func parentLevel(l area.Level) area.Level {
	for _, x := range area.Levels {
		if x.ChildLevel() == l {
			return x
		}
	}
	return ""
}
