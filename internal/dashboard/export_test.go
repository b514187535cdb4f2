package dashboard

import "slices"

// Keys lists every figure key the dashboard names, for the tests.
func Keys() []string {
	out := slices.Concat(headlineKeys, fundingKeys, outletKeys, petitionKeys, []string{coverageKey, threeLacksKey})
	for _, ks := range yearKeys {
		out = append(out, ks...)
	}
	return out
}
