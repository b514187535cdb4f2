package premises

import (
	"context"
	"net/http"

	"dangjian/internal/api"
	"dangjian/internal/date"
)

// premisesRequest is POST /api/v1/areas/{id}/premises: premises of the
// community from "on" (to "to_on", when they ended). floor_area is in
// 0.01 m².
type premisesRequest struct {
	Address   string `json:"address"`
	Use       Use    `json:"use"`
	FloorArea int64  `json:"floor_area"`
	Tenure    Tenure `json:"tenure"`
	On        string `json:"on"`
	ToOn      string `json:"to_on"`
}

func (q premisesRequest) DateOn() string { return q.On }

// communityField names a refusal the way the request does: the community
// is the path's id and its first date is "on".
func communityField(err error, dateField string) error {
	return api.Relabel(api.Relabel(err, "area_id", "id"), dateField, "on")
}

// premisesOpen serves POST /api/v1/areas/{id}/premises (201, the premises
// as stored; Location: the community's premises).
func (h *apiHandlers) premisesOpen(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, areaID int64, on date.Date, req premisesRequest) (api.Answer, error) {
		to, err := api.ParseDate("to_on", req.ToOn)
		if err != nil {
			return api.Answer{}, err
		}
		id, err := h.s.OpenPremises(ctx, PremisesInput{AreaID: areaID, Address: req.Address, Use: req.Use, FloorArea: req.FloorArea,
			Tenure: req.Tenure, FromOn: on, ToOn: to})
		if err != nil {
			return api.Answer{}, communityField(err, "from_on")
		}
		p, err := h.s.loadPremises(ctx, h.s.DB.Reader(), id)
		if err != nil {
			return api.Answer{}, err
		}
		return api.Answer{Status: http.StatusCreated, Location: communityAPIURL(areaID), Body: p}, nil
	})
}

// officeFundingRequest is POST /api/v1/areas/{id}/office-funding: a
// year's office funding of the community, in fen. It carries no "on".
type officeFundingRequest struct {
	Year   int    `json:"year"`
	Amount int64  `json:"amount"`
	Source string `json:"source"`
}

func (officeFundingRequest) DateOn() string { return "" }

// officeFundingAdd serves POST /api/v1/areas/{id}/office-funding (201).
func (h *apiHandlers) officeFundingAdd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, areaID int64, _ date.Date, req officeFundingRequest) (api.Answer, error) {
		id, err := h.s.AddOfficeFunding(ctx, OfficeFundingInput{AreaID: areaID, Year: req.Year, Amount: req.Amount, Source: req.Source})
		if err != nil {
			return api.Answer{}, api.Relabel(err, "area_id", "id")
		}
		v, err := h.s.Community(ctx, areaID, date.Date{})
		if err != nil {
			return api.Answer{}, err
		}
		out := OfficeFunding{ID: id, Year: req.Year, Amount: req.Amount}
		for _, y := range v.Funding {
			for _, f := range y.Rows {
				if f.ID == id {
					out = f
				}
			}
		}
		return api.Answer{Status: http.StatusCreated, Location: communityAPIURL(areaID), Body: out}, nil
	})
}

// landRequest is POST /api/v1/areas/{id}/economic-land: land for economic
// development from "on"; land_area is in 0.01 m².
type landRequest struct {
	Location string `json:"location"`
	LandArea int64  `json:"land_area"`
	On       string `json:"on"`
	ToOn     string `json:"to_on"`
}

func (q landRequest) DateOn() string { return q.On }

// landAdd serves POST /api/v1/areas/{id}/economic-land (201).
func (h *apiHandlers) landAdd(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, areaID int64, on date.Date, req landRequest) (api.Answer, error) {
		to, err := api.ParseDate("to_on", req.ToOn)
		if err != nil {
			return api.Answer{}, err
		}
		id, err := h.s.AddLand(ctx, LandInput{AreaID: areaID, LandArea: req.LandArea, Location: req.Location, FromOn: on, ToOn: to})
		if err != nil {
			return api.Answer{}, communityField(err, "from_on")
		}
		v, err := h.s.Community(ctx, areaID, date.Date{})
		if err != nil {
			return api.Answer{}, err
		}
		out := Land{ID: id, LandArea: req.LandArea, FromOn: on, ToOn: to}
		for _, l := range v.Land {
			if l.ID == id {
				out = l
			}
		}
		return api.Answer{Status: http.StatusCreated, Location: communityAPIURL(areaID), Body: out}, nil
	})
}

// householdsRequest is POST /api/v1/areas/{id}/households: the
// community's households counted on "on".
type householdsRequest struct {
	Households int    `json:"households"`
	On         string `json:"on"`
}

func (q householdsRequest) DateOn() string { return q.On }

// householdsJSON is a stored household count.
type householdsJSON struct {
	ID         int64     `json:"id"`
	AreaID     int64     `json:"area_id"`
	Households int       `json:"households"`
	CountedOn  date.Date `json:"counted_on"`
}

// householdsCount serves POST /api/v1/areas/{id}/households (201).
func (h *apiHandlers) householdsCount(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, areaID int64, on date.Date, req householdsRequest) (api.Answer, error) {
		id, err := h.s.CountHouseholds(ctx, HouseholdsInput{AreaID: areaID, Households: req.Households, CountedOn: on})
		if err != nil {
			return api.Answer{}, communityField(err, "counted_on")
		}
		return api.Answer{Status: http.StatusCreated, Location: communityAPIURL(areaID),
			Body: householdsJSON{ID: id, AreaID: areaID, Households: req.Households, CountedOn: on}}, nil
	})
}

// standardRequest is POST /api/v1/areas/{id}/premises-standards: the
// standard the area (any level) sets for the communities under it from
// "on"; both areas in 0.01 m².
type standardRequest struct {
	MinArea         int64  `json:"min_area"`
	Per100Household int64  `json:"per_100_households"`
	On              string `json:"on"`
}

func (q standardRequest) DateOn() string { return q.On }

// standardJSON is a stored premises standard.
type standardJSON struct {
	ID              int64     `json:"id"`
	AreaID          int64     `json:"area_id"`
	MinArea         int64     `json:"min_area"`
	Per100Household int64     `json:"per_100_households"`
	FromOn          date.Date `json:"from_on"`
}

// standardSet serves POST /api/v1/areas/{id}/premises-standards (201;
// Location: the communities below the standard under the area).
func (h *apiHandlers) standardSet(w http.ResponseWriter, r *http.Request) {
	api.ServeChange(h.Handler, w, r, api.PathID, func(ctx context.Context, areaID int64, on date.Date, req standardRequest) (api.Answer, error) {
		id, err := h.s.SetStandard(ctx, StandardInput{AreaID: areaID, MinArea: req.MinArea, Per100Household: req.Per100Household, FromOn: on})
		if err != nil {
			return api.Answer{}, communityField(err, "from_on")
		}
		return api.Answer{Status: http.StatusCreated, Location: "/api/v1/premises/below-standard?area=" + itoa(areaID),
			Body: standardJSON{ID: id, AreaID: areaID, MinArea: req.MinArea, Per100Household: req.Per100Household, FromOn: on}}, nil
	})
}
