package dashboard

import (
	"context"
	"net/url"

	"dangjian/internal/cobuilding"
	"dangjian/internal/coordination"
	"dangjian/internal/date"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// lists reads the records that ask for action in s's subtree: the actions
// overdue on the period's end (today, for a period not yet over), the
// whistles and demands open now and the three-lacks committees at the
// period's end, ListCap of each.
func (src *Source) lists(ctx context.Context, s figures.Scope, lang i18n.Lang) ([]List, error) {
	on := s.To
	if today := src.Areas.Today(); today.Before(on) {
		on = today
	}
	out := make([]List, 4)
	err := runAll(src.DB.Reader(), 4, []func() error{
		func() error {
			acts, err := src.Coordination.ListActions(ctx, coordination.ActionFilter{AreaID: s.AreaID, Due: "overdue", On: on, Limit: ListCap + 1})
			l := newList(lang, "overdue_actions", "ui.dashboard.list_overdue_actions", "/actions?"+url.Values{"due": {"overdue"}}.Encode())
			for _, a := range acts {
				l.Items = append(l.Items, Item{ID: a.ID, Name: a.Title, Detail: a.OwnerName, On: a.DueOn.String(), Link: idLink("/actions", a.ID)})
			}
			out[0] = l.capped()
			return err
		},
		func() error {
			ws, more, err := src.Coordination.OpenWhistlesFirst(ctx, s.AreaID, ListCap)
			l := newList(lang, "open_whistles", "ui.dashboard.list_open_whistles", "/whistles")
			for _, w := range ws {
				l.Items = append(l.Items, Item{ID: w.ID, Name: w.Subject, Detail: w.AreaName, On: w.RaisedOn.String(), Link: idLink("/whistles", w.ID)})
			}
			out[1] = l.withMore(more)
			return err
		},
		func() error {
			ds, more, err := src.Cobuilding.OpenDemandsFirst(ctx, s.AreaID, ListCap)
			l := newList(lang, "open_demands", "ui.dashboard.list_open_demands", "/demands?"+url.Values{"status": {string(cobuilding.Open)}}.Encode())
			for _, d := range ds {
				l.Items = append(l.Items, Item{ID: d.ID, Name: d.Title, Detail: i18n.T(lang, "ui.demand.category."+string(d.Category)), On: d.RaisedOn.String(), Link: idLink("/demands", d.ID)})
			}
			out[2] = l.withMore(more)
			return err
		},
		func() error {
			f := figures.Get(threeLacksKey)
			recs, more, err := f.RecordsUpTo(ctx, src.DB.Reader(), s, ListCap)
			l := newList(lang, "three_lacks", "ui.dashboard.list_three_lacks", figures.RecordsLink(f.Key, s))
			for _, r := range recs {
				l.Items = append(l.Items, Item{ID: r.ID, Name: r.Name, Detail: r.Detail, On: dateText(r.On), Link: idLink("/areas", r.ID)})
			}
			out[3] = l.withMore(more)
			return err
		},
	})
	return out, err
}

// newList is an empty list of key, titled title, whose whole is at all.
func newList(lang i18n.Lang, key, title, all string) *List {
	return &List{Key: key, Title: i18n.T(lang, title), All: all, Items: []Item{}, Empty: i18n.T(lang, "ui.dashboard.list_empty")}
}

// capped keeps ListCap items of a list read with one more, saying whether
// there were more.
func (l *List) capped() List {
	more := len(l.Items) > ListCap
	if more {
		l.Items = l.Items[:ListCap]
	}
	return l.withMore(more)
}

// withMore sets the "more" link when there are more items than shown.
func (l *List) withMore(more bool) List {
	if more {
		l.More = l.All
	}
	return *l
}

func dateText(d date.Date) string { return d.String() }
