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

// areaMerge shows and applies the merge form: the area ends and the chosen
// target of the same level lives on as its successor.
func (s *pages) areaMerge(w http.ResponseWriter, r *http.Request) {
	s.areaForm(w, r, func(a Area, lang i18n.Lang) (web.FormSpec, error) {
		att, err := s.attachedOn(r.Context(), lang, a, false)
		if err != nil {
			return web.FormSpec{}, err
		}
		return web.FormSpec{
			Title:    i18n.T(lang, "ui.merge.title", a.Name),
			Intro:    att.intro(lang, i18n.T(lang, "ui.merge.intro", a.Name), a, "ui.attached.moved_to_target"),
			Submit:   i18n.T(lang, "ui.merge.submit"),
			Danger:   true,
			Back:     URL(a.ID),
			Defaults: web.Defaults(s.today()),
			Fields: func(v url.Values) []web.Field {
				return append([]web.Field{areaPicker("target_id", i18n.T(lang, "ui.field.target"), a.Level)},
					append(att.fields(lang, v), web.DateField(lang), web.NoteField(lang))...)
			},
			Apply: func(ctx context.Context, v url.Values, on date.Date) (string, []string, error) {
				target := web.ParseID(v.Get("target_id"))
				if err := s.areas.Merge(ctx, MergeInput{AreaID: a.ID, TargetID: target, On: on, Note: v.Get("note"), Confirmed: v.Get("confirm") != ""}); err != nil {
					return "", nil, err
				}
				t, err := s.areas.Get(ctx, target)
				if err != nil {
					return "", nil, err
				}
				return URL(a.ID), []string{"ui.flash.merged", a.Name, t.Name, on.String()}, nil
			},
		}, nil
	})
}

// areaPicker is a required search-as-you-type field choosing an area of
// level (web.Picker "areas"): a city has thousands of communities.
func areaPicker(name, label string, level Level) web.Field {
	return web.Field{Name: name, Label: label, Type: "picker", Required: true, Pick: "areas", PickArgs: "level=" + string(level)}
}

// areaOptions lists the areas of level active today, except skip, for a
// select; the first option asks the user to choose.
func (s *pages) areaOptions(ctx context.Context, lang i18n.Lang, level Level, skip int64) ([]web.Option, error) {
	all, err := s.areas.ListActive(ctx, s.areas.Today())
	if err != nil {
		return nil, err
	}
	parents := map[int64]string{}
	for _, a := range all {
		parents[a.ID] = a.Name
	}
	out := []web.Option{{Value: "", Label: i18n.T(lang, "ui.choose")}}
	for _, a := range all {
		if a.Level != level || a.ID == skip {
			continue
		}
		label := a.Name
		if p := parents[a.ParentID]; p != "" {
			label = i18n.T(lang, "ui.option.in_parent", a.Name, p)
		}
		out = append(out, web.Option{Value: strconv.FormatInt(a.ID, 10), Label: label})
	}
	return out, nil
}

// keepChosen returns opts with the chosen value present: when the area the
// user picked has ended since the form was shown, it is added (marked
// ended) so that the refused form still shows what was picked.
func (s *pages) keepChosen(ctx context.Context, lang i18n.Lang, opts []web.Option, chosen string) []web.Option {
	if chosen == "" {
		return opts
	}
	for _, o := range opts {
		if o.Value == chosen {
			return opts
		}
	}
	id := web.ParseID(chosen)
	if id == 0 {
		return opts
	}
	a, err := s.areas.Get(ctx, id)
	if err != nil {
		return opts
	}
	label := a.Name
	if !a.EndedOn.IsZero() {
		label = i18n.T(lang, "ui.option.ended", a.Name, a.EndedOn.String())
	}
	return append(append([]web.Option{}, opts...), web.Option{Value: chosen, Label: label})
}
