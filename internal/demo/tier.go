package demo

import (
	"fmt"
	"strings"
)

// Tier is a size of synthetic data.
type Tier struct {
	Name         string
	Subdistricts int
	Communities  int
	// Members is how many people are recorded with their memberships;
	// Units how many stationed units.
	Members int
	Units   int
	// WhistlesPerYear is how many whistles each subdistrict (or one of its
	// communities) raises a year (part two).
	WhistlesPerYear int
	// CoProjects is about how many co-building projects the communities
	// start over the ten years (part four (a)); twice as many demands.
	CoProjects int
	// Outlets, Placements and Deeds are about how many service outlets,
	// placements in work and good deeds the ten years hold (part four (b)).
	Outlets, Placements, Deeds int
	// Petitions is about how many petition cases the ten years hold.
	Petitions int
}

// Tiers are the sizes `dangjian gen` builds.
var Tiers = []Tier{
	{Name: "district", Subdistricts: 15, Communities: 200, Members: 100_000, Units: 4_000, WhistlesPerYear: 24, CoProjects: 5_000, Outlets: 1_000, Placements: 10_000, Deeds: 20_000, Petitions: 25_000},
	{Name: "city", Subdistricts: 300, Communities: 4000, Members: 2_000_000, Units: 80_000, WhistlesPerYear: 24, CoProjects: 100_000, Outlets: 20_000, Placements: 200_000, Deeds: 400_000, Petitions: 500_000},
	{Name: "province", Subdistricts: 500, Communities: 8000, Members: 6_000_000, Units: 150_000, WhistlesPerYear: 24, CoProjects: 200_000, Outlets: 40_000, Placements: 400_000, Deeds: 800_000, Petitions: 1_000_000},
}

// ParseTier returns the tier named s.
func ParseTier(s string) (Tier, error) {
	for _, t := range Tiers {
		if t.Name == s {
			return t, nil
		}
	}
	names := make([]string, len(Tiers))
	for i, t := range Tiers {
		names[i] = t.Name
	}
	return Tier{}, fmt.Errorf("--tier must be one of %s, not %q", strings.Join(names, ", "), s)
}
