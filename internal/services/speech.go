package services

import (
	"context"
	"slices"
	"strings"

	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/speech"
)

// The last paragraph of the speech's part four names the services given
// from data (为居民提供技术培训、就业指导、医疗保健、老人护理等各种服务): the
// kinds with person-times in the scope and period, most first (ties in the
// seed's order); "other" is left to the template's 等.
func init() {
	var kinds []string
	for _, k := range ServiceKinds {
		kinds = append(kinds, "services.person_times."+string(k))
	}
	speech.Register(&speech.Rule{Name: "services_given", Fields: []string{"kinds"}, Find: servicesGiven, Figures: kinds})
}

// servicesGiven reads the person-times of each kind (the figures
// services.person_times.<kind>). None given: no record.
func servicesGiven(ctx context.Context, q db.Q, s figures.Scope, lang i18n.Lang) (speech.Fields, error) {
	type given struct {
		kind ServiceKind
		n    float64
	}
	var named []given
	for _, k := range ServiceKinds {
		n, err := figures.Get("services.person_times."+string(k)).Compute(ctx, q, s)
		if err != nil {
			return nil, err
		}
		if n > 0 && k != "other" {
			named = append(named, given{k, n})
		}
	}
	if len(named) == 0 {
		return nil, nil
	}
	slices.SortStableFunc(named, func(a, b given) int {
		switch {
		case a.n > b.n:
			return -1
		case a.n < b.n:
			return 1
		}
		return 0
	})
	names := make([]string, len(named))
	for i, g := range named {
		names[i] = i18n.T(lang, "ui.service.kind."+string(g.kind))
		if lang == i18n.EN {
			names[i] = strings.ToLower(names[i]) // a label, said within a sentence
		}
	}
	return speech.Fields{"kinds": {Text: speech.JoinAll(lang, names), Link: figures.RecordsLink("services.person_times", s)}}, nil
}
