package services

import (
	"context"
	"net/http"
	"net/url"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// receive records a resident's request as a new case received by a
// community or a subdistrict (?area= preselects it).
func (p *petitionPages) receive(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	defaults := p.stepDefaults()
	defaults.Set("received_at", defaults.Get("at"))
	if a := web.ParseID(r.URL.Query().Get("area")); a != 0 {
		defaults.Set("area_id", web.Itoa(a))
	}
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.petition_receive.title"),
		Intro:    i18n.T(lang, "ui.petition_receive.intro"),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.petitions.title"), Href: "/petitions"}},
		Submit:   i18n.T(lang, "ui.petition_receive.submit"),
		Back:     "/petitions",
		Defaults: defaults,
		Fields: func(url.Values) []web.Field {
			return append([]web.Field{
				{Name: "area_id", Label: i18n.T(lang, "ui.petition.area"), Type: "picker", Pick: "areas", PickArgs: "level=community&level=subdistrict", Required: true},
				{Name: "title", Label: i18n.T(lang, "ui.petition.title"), Type: "text", Required: true},
				{Name: "type", Label: i18n.T(lang, "ui.petition.type"), Type: "select", Required: true, Options: petitionOptions(lang, "ui.petition.type.", PetitionTypes)},
				{Name: "collective", Label: i18n.T(lang, "ui.petition.collective"), Type: "checkbox"},
				{Name: "headcount", Label: i18n.T(lang, "ui.petition.headcount"), Type: "text", Help: i18n.T(lang, "ui.petition.headcount_help")},
			}, append(requestFields(lang), web.NoteField(lang))...)
		},
		Apply: func(ctx context.Context, v url.Values, _ date.Date) (string, []string, error) {
			at, err := ParsePetitionTime("received_at", v.Get("received_at"))
			if err != nil {
				return "", nil, err
			}
			headcount, err := parseHeadcount(v.Get("headcount"))
			if err != nil {
				return "", nil, err
			}
			id, err := p.s.Receive(ctx, PetitionReceipt{AreaID: web.ParseID(v.Get("area_id")), Title: v.Get("title"), Type: PetitionType(v.Get("type")),
				Collective: v.Get("collective") != "", Headcount: headcount, Note: v.Get("note"), ReceivedAt: at, Channel: PetitionChannel(v.Get("channel")),
				CallerName: v.Get("caller_name"), CallerPhone: v.Get("caller_phone"), Content: v.Get("content")})
			return "/petitions/" + web.Itoa(id), []string{"ui.flash.petition_received", v.Get("title")}, err
		},
	})
}

// attach records one more resident's request about the open case of the
// path.
func (p *petitionPages) attach(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	c, err := p.s.Petition(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	back := "/petitions/" + web.Itoa(c.ID)
	defaults := p.stepDefaults()
	defaults.Set("received_at", defaults.Get("at"))
	p.ServeForm(w, r, web.FormSpec{
		Title:    i18n.T(lang, "ui.petition_attach.title", c.Title),
		Crumbs:   []web.Crumb{{Label: i18n.T(lang, "ui.petitions.title"), Href: "/petitions"}, {Label: c.Title, Href: back}},
		Submit:   i18n.T(lang, "ui.petition_receive.submit"),
		Back:     back,
		Defaults: defaults,
		Fields:   func(url.Values) []web.Field { return requestFields(lang) },
		Apply: func(ctx context.Context, v url.Values, _ date.Date) (string, []string, error) {
			at, err := ParsePetitionTime("received_at", v.Get("received_at"))
			if err != nil {
				return "", nil, err
			}
			_, err = p.s.Receive(ctx, PetitionReceipt{CaseID: c.ID, ReceivedAt: at, Channel: PetitionChannel(v.Get("channel")),
				CallerName: v.Get("caller_name"), CallerPhone: v.Get("caller_phone"), Content: v.Get("content")})
			return back, []string{"ui.flash.petition_attached", c.Title}, web.RenameField(err, "case_id", "received_at")
		},
	})
}

// requestFields are the inputs of one resident's request.
func requestFields(lang i18n.Lang) []web.Field {
	return []web.Field{
		{Name: "received_at", Label: i18n.T(lang, "ui.petition.received_at"), Type: "text", Required: true, Help: i18n.T(lang, "ui.petition.at_help")},
		{Name: "channel", Label: i18n.T(lang, "ui.petition.channel"), Type: "select", Required: true, Options: petitionOptions(lang, "ui.petition.channel.", PetitionChannels)},
		{Name: "caller_name", Label: i18n.T(lang, "ui.petition.caller_name"), Type: "text"},
		{Name: "caller_phone", Label: i18n.T(lang, "ui.petition.caller_phone"), Type: "text", Help: i18n.T(lang, "ui.petition.caller_phone_help")},
		{Name: "content", Label: i18n.T(lang, "ui.petition.content"), Type: "textarea"},
	}
}

// petitionOptions is a select over fixed values labelled from prefix+value.
func petitionOptions[T ~string](lang i18n.Lang, prefix string, values []T) []web.Option {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return web.EnumOptions(lang, prefix, "", s...)
}

// parseHeadcount reads a headcount (empty for none).
func parseHeadcount(s string) (int, error) {
	n := web.ParseID(s)
	if s != "" && n == 0 && s != "0" {
		return 0, i18n.Errf("headcount", "err.petition_headcount_invalid")
	}
	return int(n), nil
}
