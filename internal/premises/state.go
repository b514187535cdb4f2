package premises

import (
	"strconv"

	"dangjian/internal/date"
)

// State is a community's three-lacks state on a date: for office premises,
// office funding and economic land whether it lacks them, and why (or what
// it has).
type State struct {
	On         date.Date `json:"on"`
	Office     Lack      `json:"office"`
	Funding    Lack      `json:"funding"`
	Land       Lack      `json:"land"`
	ThreeLacks bool      `json:"three_lacks"`
}

// Lack says whether one of the three is lacking; Why is the message key of
// the reason (or of what there is) and Arg its one argument ("" for none).
type Lack struct {
	Lacks bool   `json:"lacks"`
	Why   string `json:"why"`
	Arg   string `json:"arg,omitempty"`
}

// stateOf tells the state of v's community on on, by the definitions of
// shared/docs/domain.md, "Part three" (the figures' SQL says the same).
func stateOf(v CommunityView, on date.Date) State {
	st := State{On: on}
	var spans []span
	for _, p := range v.Premises {
		if p.Use == Office || p.Use == Service {
			spans = append(spans, span{p.FromOn, p.ToOn, p.Address})
		}
	}
	st.Office = spanLack(spans, on, "premises")
	spans = spans[:0]
	for _, l := range v.Land {
		spans = append(spans, span{l.FromOn, l.ToOn, l.Location})
	}
	st.Land = spanLack(spans, on, "land")
	st.Funding = Lack{Lacks: true, Why: "ui.lack.funding_none", Arg: strconv.Itoa(on.Year())}
	for _, y := range v.Funding {
		if y.Year != on.Year() {
			continue
		}
		if y.Total > 0 {
			st.Funding = Lack{Why: "ui.has.funding", Arg: Wan(y.Total)}
		} else {
			st.Funding.Why = "ui.lack.funding_zero"
		}
	}
	st.ThreeLacks = v.Area.ActiveOn(on) && st.Office.Lacks && st.Funding.Lacks && st.Land.Lacks
	return st
}

// span is a dated row: premises or land.
type span struct {
	from, to date.Date
	label    string
}

// spanLack says whether no span is in force on on and why: none recorded,
// the last one ended, or the first one starts later.
func spanLack(spans []span, on date.Date, what string) Lack {
	var ended, later date.Date
	for _, s := range spans {
		switch {
		case s.from.After(on):
			if later.IsZero() || s.from.Before(later) {
				later = s.from
			}
		case s.to.IsZero() || on.Before(s.to):
			return Lack{Why: "ui.has." + what, Arg: s.label}
		case ended.IsZero() || s.to.After(ended):
			ended = s.to
		}
	}
	switch {
	case !ended.IsZero():
		return Lack{Lacks: true, Why: "ui.lack." + what + "_ended", Arg: ended.String()}
	case !later.IsZero():
		return Lack{Lacks: true, Why: "ui.lack." + what + "_later", Arg: later.String()}
	}
	return Lack{Lacks: true, Why: "ui.lack." + what + "_none"}
}
