package coordination

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

// progressStatuses are the statuses a progress update may move an action to.
var progressStatuses = []string{string(InProgress), string(Done), string(Dropped)}

// progressSpec is the form of a progress update of action v: the date (the
// done date when it is done), the progress %, the status, a note and the
// result. apply records the update; back is where the form leads.
func (p *pages) progressSpec(lang i18n.Lang, v ActionView, back string, apply func(ctx context.Context, in UpdateInput) error) web.FormSpec {
	return web.FormSpec{
		Title:    i18n.T(lang, "ui.action_progress.title", v.Title),
		Intro:    i18n.T(lang, "ui.action_progress.intro", v.Progress),
		Submit:   i18n.T(lang, "ui.action_progress.submit"),
		Back:     back,
		Defaults: web.Defaults(p.s.Today(), "progress", strconv.Itoa(v.Progress), "status", string(InProgress)),
		Fields: func(url.Values) []web.Field {
			on := web.DateField(lang)
			on.Help = i18n.T(lang, "ui.action_progress.on_help")
			return []web.Field{
				on,
				{Name: "progress", Label: i18n.T(lang, "ui.action_progress.progress"), Type: "text", Help: i18n.T(lang, "ui.action_progress.progress_help")},
				{Name: "status", Label: i18n.T(lang, "ui.action.status"), Type: "select", Options: statusOptions(lang)},
				web.NoteField(lang),
				{Name: "result", Label: i18n.T(lang, "ui.action.result"), Type: "textarea", Help: i18n.T(lang, "ui.action_progress.result_help")},
			}
		},
		Apply: func(ctx context.Context, vals url.Values, on date.Date) (string, []string, error) {
			in, err := progressInput(vals, v.ID, on)
			if err == nil {
				err = apply(ctx, in)
			}
			if err != nil {
				return "", nil, err
			}
			return back, []string{"ui.flash.action_updated", v.Title}, nil
		},
	}
}

// progressInput reads the form: progress is a whole number, needed unless
// the action is done (then it is 100).
func progressInput(v url.Values, id int64, on date.Date) (UpdateInput, error) {
	in := UpdateInput{ActionID: id, On: on, Status: ActionStatus(v.Get("status")), Note: v.Get("note"), Result: v.Get("result")}
	if on.IsZero() && (in.Status == Done || in.Status == Dropped) {
		// The date of the update is the day the action closed.
		return in, i18n.Errf("on", "err.action_done_date_required")
	}
	x := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v.Get("progress")), "%"))
	switch {
	case x == "" && in.Status == Done:
	case x == "":
		return in, i18n.Errf("progress", "err.coord_required")
	default:
		n, err := strconv.Atoi(x)
		if err != nil {
			return in, i18n.Errf("progress", "err.coord_number_invalid", x)
		}
		in.Progress = n
	}
	return in, nil
}

// actionProgress shows and applies the progress form of an action of the
// scope.
func (p *pages) actionProgress(w http.ResponseWriter, r *http.Request) {
	p.FormWith(w, r, func(lang i18n.Lang) (web.FormSpec, error) {
		v, err := p.s.ActionView(r.Context(), web.ParseID(r.PathValue("id")))
		if err != nil {
			return web.FormSpec{}, err
		}
		return p.progressSpec(lang, v, actionURL(v.ID), p.s.UpdateAction), nil
	}, func(lang i18n.Lang) ([]web.Crumb, error) {
		return []web.Crumb{{Label: i18n.T(lang, "ui.actions.title"), Href: "/actions"}}, nil
	})
}

func actionURL(id int64) string { return "/actions/" + web.Itoa(id) }

// statusOptions are the statuses an update may set, in order.
func statusOptions(lang i18n.Lang) []web.Option {
	out := make([]web.Option, 0, len(progressStatuses))
	for _, st := range progressStatuses {
		out = append(out, web.Option{Value: st, Label: i18n.T(lang, "ui.action_status."+st)})
	}
	return out
}
