package area

import (
	"context"
	"net/url"

	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// attachedForm is what a form that ends an area adds when records still
// hang on it: a sentence saying what and where they go, a choice of the
// area that takes them (dissolve and split; a merge's target takes them),
// and a box the user ticks to confirm.
type attachedForm struct {
	list   []Attached
	level  Level
	choose bool
}

// attachedOn reads what hangs on a today; with choose, the form offers the
// areas of its level to take it.
func (s *pages) attachedOn(ctx context.Context, lang i18n.Lang, a Area, choose bool) (attachedForm, error) {
	list, err := s.areas.AttachedTo(ctx, a.ID, s.today())
	if err != nil || len(list) == 0 {
		return attachedForm{}, err
	}
	return attachedForm{list: list, level: a.Level, choose: choose}, nil
}

// intro adds to the form's intro what is attached and what will happen to it.
func (f attachedForm) intro(lang i18n.Lang, intro string, a Area, key string) string {
	if len(f.list) == 0 {
		return intro
	}
	return intro + " " + i18n.T(lang, key, a.Name, AttachedWords(lang, f.list))
}

// fields are the choice of the taking area (when offered) and the confirmation box.
func (f attachedForm) fields(lang i18n.Lang, v url.Values) []web.Field {
	if len(f.list) == 0 {
		return nil
	}
	var out []web.Field
	if f.choose {
		out = append(out, areaPicker("target_id", i18n.T(lang, "ui.field.takes_attached"), f.level))
	}
	return append(out, web.Field{Name: "confirm", Label: i18n.T(lang, "ui.field.confirm_attached"), Type: "checkbox", Required: true})
}
