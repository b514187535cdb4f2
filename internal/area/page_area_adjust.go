package area

import (
	"context"
	"dangjian/internal/web"
	"net/http"
	"net/url"
	"strconv"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// areaAdjust shows and applies the adjust form: move the area under another
// parent, or record a boundary change described in the note, or both.
func (s *pages) areaAdjust(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a Area, lang i18n.Lang) (web.FormSpec, error) {
		var parents []web.Option
		if pl := parentLevel(a.Level); pl != "" {
			var err error
			if parents, err = s.areaOptions(r.Context(), lang, pl, 0); err != nil {
				return web.FormSpec{}, err
			}
			parents[0].Label = i18n.T(lang, "ui.adjust.keep_parent")
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.adjust.title", a.Name),
			Intro:    i18n.T(lang, "ui.adjust.intro"),
			Submit:   i18n.T(lang, "ui.adjust.submit"),
			Back:     URL(a.ID),
			Defaults: web.Defaults(s.today(), "new_parent_id", strconv.FormatInt(a.ParentID, 10)),
			Fields: func(v url.Values) []web.Field {
				var fs []web.Field
				if parents != nil {
					fs = append(fs, web.Field{Name: "new_parent_id", Label: i18n.T(lang, "ui.field.new_parent"), Type: "select",
						Options: s.keepChosen(r.Context(), lang, parents, v.Get("new_parent_id"))})
				}
				return append(fs, web.DateField(lang),
					web.Field{Name: "note", Label: i18n.T(lang, "ui.field.boundary_note"), Type: "textarea", Help: i18n.T(lang, "ui.help.boundary_note")})
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				if err := s.areas.Adjust(ctx, AdjustInput{AreaID: a.ID, NewParentID: web.ParseID(v.Get("new_parent_id")), On: on, Note: v.Get("note")}); err != nil {
					return "", nil, err
				}
				return URL(a.ID), []string{"ui.flash.adjusted", a.Name, on.String()}, nil
			},
		}, nil
	})
}

// parentLevel is the level directly above l, or "" for the top.
func parentLevel(l Level) Level {
	for _, x := range Levels {
		if x.ChildLevel() == l {
			return x
		}
	}
	return ""
}
