package services

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/i18n"
)

// The read-only Open311 GeoReport v2 view of the petitions
// (https://wiki.open311.org/GeoReport_v2), so that other city systems can
// read them: the types are the services, the cases the service requests.
// No personal data: neither callers nor phones, nor addresses.

// open311Service is one service of services.json.
type open311Service struct {
	ServiceCode string `json:"service_code"`
	ServiceName string `json:"service_name"`
	Description string `json:"description"`
	Metadata    bool   `json:"metadata"`
	Type        string `json:"type"`
	Keywords    string `json:"keywords"`
	Group       string `json:"group"`
}

// open311Request is one service request of requests.json.
type open311Request struct {
	ServiceRequestID  string `json:"service_request_id"`
	Status            string `json:"status"`
	StatusNotes       string `json:"status_notes"`
	ServiceName       string `json:"service_name"`
	ServiceCode       string `json:"service_code"`
	Description       string `json:"description"`
	AgencyResponsible string `json:"agency_responsible"`
	ServiceNotice     string `json:"service_notice"`
	RequestedDatetime string `json:"requested_datetime"`
	UpdatedDatetime   string `json:"updated_datetime"`
	ExpectedDatetime  string `json:"expected_datetime"`
}

// open311Services serves GET /api/v1/open311/services.json: the petition
// types, named in Chinese, realtime, without metadata.
func (a *petitionAPI) open311Services(w http.ResponseWriter, r *http.Request) {
	out := []open311Service{}
	for _, t := range PetitionTypes {
		out = append(out, open311Service{ServiceCode: string(t), ServiceName: i18n.T(i18n.ZH, "ui.petition.type."+string(t)),
			Description: i18n.T(i18n.ZH, "ui.petition.limit_days", PetitionLimitDays[t]), Metadata: false, Type: "realtime", Group: "接诉即办"})
	}
	a.WriteJSON(w, r, http.StatusOK, out)
}

// open311Requests serves GET /api/v1/open311/requests.json: the cases of
// the caller's subtree requested between start_date and end_date (W3C
// datetimes; the last 90 days by default), of a status (open, closed;
// comma-separated) and service_code (comma-separated) when given, newest
// first, at most 1000.
func (a *petitionAPI) open311Requests(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := Open311Filter{}
	var err error
	if f.From, err = open311Bound("start_date", q.Get("start_date"), false); err == nil {
		f.To, err = open311Bound("end_date", q.Get("end_date"), true)
	}
	if err == nil {
		f.Statuses, err = open311List("status", q.Get("status"), PetitionStatuses)
	}
	if err == nil {
		var types []string
		all := make([]string, len(PetitionTypes))
		for i, t := range PetitionTypes {
			all[i] = string(t)
		}
		types, err = open311List("service_code", q.Get("service_code"), all)
		for _, t := range types {
			f.Types = append(f.Types, PetitionType(t))
		}
	}
	if err == nil && f.From.IsZero() && f.To.IsZero() {
		f.From = a.s.Now().Add(-90 * 24 * time.Hour)
	}
	var rows []Petition
	if err == nil {
		rows, err = a.s.Open311(r.Context(), f)
	}
	if err != nil {
		a.Fail(w, r, err)
		return
	}
	out := []open311Request{}
	for _, p := range rows {
		out = append(out, open311Out(p))
	}
	a.WriteJSON(w, r, http.StatusOK, out)
}

// open311Out is case p as an Open311 service request.
func open311Out(p Petition) open311Request {
	status := "open"
	if !p.Open() {
		status = "closed"
	}
	return open311Request{ServiceRequestID: strconv.FormatInt(p.ID, 10), Status: status, StatusNotes: open311Notes(p),
		ServiceName: i18n.T(i18n.ZH, "ui.petition.type."+string(p.Type)), ServiceCode: string(p.Type), Description: p.Title,
		AgencyResponsible: p.Agency(), RequestedDatetime: open311Time(p.ReceivedAt), UpdatedDatetime: open311Time(p.Updated()),
		ExpectedDatetime: open311Time(p.DueAt)}
}

// open311Bound reads a bound of the period: a W3C datetime, or a day
// (YYYY-MM-DD in China), from its start or, for an end, to its end.
func open311Bound(field, s string, end bool) (time.Time, error) {
	if len(s) == len("2006-01-02") {
		d, err := time.ParseInLocation("2006-01-02", s, petitionZone)
		if err != nil {
			return d, i18n.Errf(field, "err.petition_time_invalid", s)
		}
		if end {
			d = d.Add(24*time.Hour - time.Second)
		}
		return d.UTC(), nil
	}
	return ParsePetitionTime(field, s)
}

// open311List reads a comma-separated list of values out of allowed.
func open311List(field, s string, allowed []string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	var out []string
	for _, v := range strings.Split(s, ",") {
		v = strings.TrimSpace(v)
		if !petitionOneOf(v, allowed) {
			return nil, i18n.Errf(field, "err.petition_open311_value", v, strings.Join(allowed, ", "))
		}
		out = append(out, v)
	}
	return out, nil
}

// open311Time is a W3C datetime in China Standard Time ("" for none).
func open311Time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(petitionZone).Format(time.RFC3339)
}

// open311Notes says where the case stands, in Chinese.
func open311Notes(p Petition) string {
	notes := i18n.T(i18n.ZH, "ui.petition.stage."+p.Stage())
	if p.Satisfaction != "" {
		notes += "，" + i18n.T(i18n.ZH, "ui.petition.satisfaction."+string(p.Satisfaction))
	}
	return notes
}
