package report

import (
	"context"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
)

// ResolveScope turns the user's area (name or id; empty = the whole tree)
// and period (YYYY-MM-DD; empty = the current calendar year) into a Scope.
// Every mistake comes back as an *i18n.Error naming the field.
func ResolveScope(ctx context.Context, s *area.Store, areaArg, fromArg, toArg string) (figures.Scope, error) {
	var a area.Area
	var err error
	if strings.TrimSpace(areaArg) == "" {
		a, err = s.Root(ctx)
	} else {
		a, err = s.Find(ctx, strings.TrimSpace(areaArg))
	}
	if err != nil {
		if ie, ok := err.(*i18n.Error); ok {
			ie.Field = "area" // the user typed one field, whether name or id
		}
		return figures.Scope{}, err
	}
	from, to := date.YearBounds(s.Today().Year())
	if fromArg != "" {
		if from, err = date.Parse(fromArg); err != nil {
			return figures.Scope{}, i18n.Errf("from", "err.date_invalid", fromArg)
		}
	}
	if toArg != "" {
		if to, err = date.Parse(toArg); err != nil {
			return figures.Scope{}, i18n.Errf("to", "err.date_invalid", toArg)
		}
	}
	if to.Before(from) {
		return figures.Scope{}, i18n.Errf("to", "err.period_inverted", from.String(), to.String())
	}
	return figures.Scope{AreaID: a.ID, AreaName: a.Name, Level: string(a.Level), From: from, To: to}, nil
}
