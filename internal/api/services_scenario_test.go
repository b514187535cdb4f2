package api_test

import (
	"testing"
)

// servicesWorld adds part four (b)'s matrix records: in 迎宾社区 (矩阵…)
// and 官渡社区 (官渡…) an outlet with January 2024's training, a safe and
// civilised neighbourhood, a placement and a good deed.
func servicesWorld(t testing.TB, f *fixture) { matrixServices(t, f) }

// servicesScenarios exercise part four (b)'s endpoints: the lists within
// the caller's scope with their counts by kind, recording, correcting and
// ending, refusals naming their field, the ID number masked.
var servicesScenarios = []scenario{
	{Name: "the outlet list", Method: "GET", Path: "/api/v1/outlets?area={迎宾社区}", Status: 200,
		Want: []string{`"name":"矩阵清洁队"`, `{"kind":"cleaning_team","n":1}`, `{"kind":"sanitation_station","n":0}`}, Not: []string{"官渡"}},
	{Name: "outlets of a subdistrict", As: "hedong", Method: "GET", Path: "/api/v1/outlets?kind=cleaning_team", Status: 200, Want: []string{"矩阵清洁队"}, Not: []string{"官渡"}},
	{Name: "an unknown kind", Method: "GET", Path: "/api/v1/outlets?kind=bakery", Status: 422, Want: []string{`"field":"kind"`}},
	{Name: "outlets elsewhere", As: "hedong", Method: "GET", Path: "/api/v1/outlets?area={官渡社区}", Status: 403},
	{Name: "an outlet opened", As: "hedong", Method: "POST", Path: "/api/v1/outlets", Status: 201,
		Body: `{"area_id":{宾南社区},"kind":"elderly_centre","name":"宾南老人服务中心","on":"2025-01-01"}`, Want: []string{`"name":"宾南老人服务中心"`, `"from_on":"2025-01-01"`}},
	{Name: "an outlet of an unknown kind", As: "hedong", Method: "POST", Path: "/api/v1/outlets", Status: 422,
		Body: `{"area_id":{宾南社区},"kind":"bakery","name":"面包房","on":"2025-01-01"}`, Want: []string{`"field":"kind"`}},
	{Name: "an outlet elsewhere", As: "hedong", Method: "POST", Path: "/api/v1/outlets", Status: 403,
		Body: `{"area_id":{官渡社区},"kind":"cleaning_team","name":"清洁队","on":"2025-01-01"}`},
	{Name: "an outlet corrected", Method: "POST", Path: "/api/v1/outlets/{矩阵站点}", Status: 200,
		Body: `{"kind":"cleaning_team","name":"迎宾清洁队"}`, Want: []string{`"name":"迎宾清洁队"`}},
	{Name: "the designation list", As: "viewer", Method: "GET", Path: "/api/v1/designations", Status: 200,
		Want: []string{`"estate":"矩阵花园"`, `{"kind":"safe_civilised_neighbourhood","n":1}`}, Not: []string{"官渡"}},
	{Name: "a designation awarded", Method: "POST", Path: "/api/v1/designations", Status: 201,
		Body: `{"area_id":{宾南社区},"estate":"宾南新村","kind":"other","title":"卫生小区","awarded_by":"区爱卫会","on":"2024-05-01"}`, Want: []string{`"title":"卫生小区"`}},
	{Name: "another title unnamed", Method: "POST", Path: "/api/v1/designations", Status: 422,
		Body: `{"area_id":{宾南社区},"estate":"宾南新村","kind":"other","awarded_by":"区爱卫会","on":"2024-05-01"}`, Want: []string{`"field":"title"`}},
	{Name: "a designation corrected", Method: "POST", Path: "/api/v1/designations/{矩阵小区}", Status: 200,
		Body: `{"estate":"矩阵花园","kind":"safe_civilised_neighbourhood","awarded_by":"区综治委"}`, Want: []string{`"awarded_by":"区综治委"`}},
	{Name: "a designation revoked", Method: "POST", Path: "/api/v1/designations/{矩阵小区}/end", Status: 200,
		Body: `{"on":"2025-03-01","end_reason":"revoked"}`, Want: []string{`"to_on":"2025-03-01"`, `"end_reason":"revoked"`}},
	{Name: "the service records", As: "hedong", Method: "GET", Path: "/api/v1/service-records?from=2024-01-01&to=2024-12-31", Status: 200,
		Want: []string{`"person_times":9`, `{"kind":"training","n":9}`}, Not: []string{"官渡"}},
	{Name: "negative person-times", Method: "POST", Path: "/api/v1/service-records", Status: 422,
		Body: `{"outlet_id":{矩阵站点},"kind":"training","span":"month","on":"2024-02-01","person_times":-3}`, Want: []string{`"field":"person_times"`}},
	{Name: "before the outlet opened", Method: "POST", Path: "/api/v1/service-records", Status: 422,
		Body: `{"outlet_id":{矩阵站点},"kind":"training","span":"month","on":"2023-12-01","person_times":3}`, Want: []string{`"field":"on"`}},
	{Name: "a month twice", Method: "POST", Path: "/api/v1/service-records", Status: 409,
		Body: `{"outlet_id":{矩阵站点},"kind":"training","span":"month","on":"2024-01-20","person_times":3}`, Want: []string{`"field":"on"`}},
	{Name: "a month recorded", Method: "POST", Path: "/api/v1/service-records", Status: 201,
		Body: `{"outlet_id":{矩阵站点},"kind":"health_care","span":"month","on":"2024-02-20","person_times":30,"volunteer_hours":6}`,
		Want: []string{`"on_date":"2024-02-01"`, `"span":"month"`, `"person_times":30`}},
	{Name: "closed before its February record", Method: "POST", Path: "/api/v1/outlets/{矩阵站点}/end", Status: 422,
		Body: `{"on":"2024-01-20"}`, Want: []string{`"field":"on"`}},
	{Name: "a record corrected", Method: "POST", Path: "/api/v1/service-records/{矩阵服务}", Status: 200,
		Body: `{"person_times":12,"volunteer_hours":2}`, Want: []string{`"person_times":12`}},
	{Name: "the placements, masked", As: "hedong", Method: "GET", Path: "/api/v1/placements", Status: 200,
		Want: []string{`"name":"矩阵安置"`, `"id_number":"110101********0016"`}, Not: []string{"110101197001010016", "官渡"}},
	{Name: "a placement with a bad ID number", Method: "POST", Path: "/api/v1/placements", Status: 422,
		Body: `{"area_id":{宾南社区},"name":"丁","id_number":"110101197001010010","before_status":"unemployed","employer":"超市","on":"2025-02-01"}`, Want: []string{`"field":"id_number"`}},
	{Name: "a placement without a date", Method: "POST", Path: "/api/v1/placements", Status: 422,
		Body: `{"area_id":{宾南社区},"name":"丁","before_status":"unemployed","employer":"超市"}`, Want: []string{`"field":"on"`}},
	{Name: "a placement recorded", Method: "POST", Path: "/api/v1/placements", Status: 201,
		Body: `{"area_id":{宾南社区},"name":"丁","id_number":"110101197001010032","before_status":"unemployed","employer":"超市","work":"收银","on":"2025-02-01"}`,
		Want: []string{`"id_number":"110101********0032"`, `"work":"收银"`}, Not: []string{"110101197001010032"}},
	{Name: "a placement corrected", Method: "POST", Path: "/api/v1/placements/{矩阵安置}", Status: 200,
		Body: `{"name":"矩阵安置","before_status":"unemployed","employer":"矩阵物业"}`, Want: []string{`"employer":"矩阵物业"`}},
	{Name: "a job ended", Method: "POST", Path: "/api/v1/placements/{矩阵安置}/end", Status: 200, Body: `{"on":"2025-01-31"}`, Want: []string{`"ended_on":"2025-01-31"`}},
	{Name: "the good deeds", As: "yingbin", Method: "GET", Path: "/api/v1/good-deeds", Status: 200,
		Want: []string{`"title":"矩阵好事"`, `{"kind":"practical","n":1}`}, Not: []string{"官渡"}},
	{Name: "a good deed recorded", Method: "POST", Path: "/api/v1/good-deeds", Status: 201,
		Body: `{"area_id":{迎宾社区},"kind":"poverty_relief","title":"慰问困难户","beneficiaries":8,"done_by":"迎宾社区党支部","on":"2025-01-20"}`, Want: []string{`"beneficiaries":8`}},
	{Name: "negative beneficiaries", Method: "POST", Path: "/api/v1/good-deeds/{矩阵好事}", Status: 422,
		Body: `{"kind":"practical","title":"矩阵好事","beneficiaries":-1}`, Want: []string{`"field":"beneficiaries"`}},
	{Name: "a good deed corrected", Method: "POST", Path: "/api/v1/good-deeds/{矩阵好事}", Status: 200,
		Body: `{"kind":"practical","title":"矩阵好事","beneficiaries":20}`, Want: []string{`"beneficiaries":20`}},
	{Name: "a good deed elsewhere", As: "hedong", Method: "POST", Path: "/api/v1/good-deeds/{官渡好事}", Status: 403, Body: `{"kind":"practical","title":"x"}`},
}
