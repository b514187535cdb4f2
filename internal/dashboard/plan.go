package dashboard

import "dangjian/internal/figures"

// The dashboard's figures. A lean choice: a dozen headline figures, two or
// three per part for the ten years' charts (each year is one batch of
// figures.ComputeList), the sources of funding, the kinds of outlets and
// the three petition rates for the scope's own period.
var (
	// headlineKeys are the scope's headline figures, each with the same
	// period a year earlier.
	headlineKeys = []string{
		"communities.total", "branches.community.total", "coverage.branch_per_community", "members.total",
		"actions.agreed", "actions.done_on_time_rate", "whistles.raised",
		"premises.solved", "funding.total",
		"projects.done", "services.person_times", "petitions.satisfaction_rate",
	}
	// yearKeys are each part's figures drawn by year over the last ten
	// years; a part's second unit goes on a second axis.
	yearKeys = [4][]string{
		{"branches.community.total", "members.total"},
		{"actions.agreed", "actions.done", "whistles.raised"},
		{"premises.solved", "funding.total"},
		{"projects.done", "good_deeds.total"},
	}
	// fundingKeys are the sources of building funding.
	fundingKeys = []string{"funding.city", "funding.district", "funding.subdistrict", "funding.self", "funding.unit", "funding.other"}
	// outletKeys are the kinds of service outlets.
	outletKeys = []string{
		"outlets.sanitation_station", "outlets.cleaning_team", "outlets.elderly_centre",
		"outlets.family_planning_centre", "outlets.housekeeping_centre", "outlets.disability_centre",
	}
	// petitionKeys are the three petition rates.
	petitionKeys = []string{"petitions.response_rate", "petitions.resolution_rate", "petitions.satisfaction_rate"}
	// coverageKey is the figure drawn by sub-area.
	coverageKey = "coverage.branch_per_community"
	// threeLacksKey lists the three-lacks committees at the period's end.
	threeLacksKey = "communities.three_lacks_at_end"
)

// Years is how many years the charts by year cover, the scope's last.
const Years = 10

// ListCap is how many entries a list shows before its "more" link.
const ListCap = 10

// figs resolves keys to registered figures; a key not registered is a
// programming error (the test of the package checks every key).
func figs(keys []string) []*figures.Figure {
	out := make([]*figures.Figure, 0, len(keys))
	for _, k := range keys {
		f := figures.Get(k)
		if f == nil {
			panic("dashboard: no figure " + k)
		}
		out = append(out, f)
	}
	return out
}
