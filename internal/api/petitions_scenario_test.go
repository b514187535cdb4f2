package api_test

import "testing"

// petitionWorld adds the matrix's cases: 矩阵诉求 received by 迎宾社区 on
// 2024-05-01 09:00 (a request for help: due three days later), 官渡诉求 by
// 官渡社区.
func petitionWorld(t testing.TB, f *fixture) { matrixPetitions(t, f) }

// petitionScenarios take 矩阵诉求 from receipt to callback through the API,
// with the refusals on the way, then read the rates and the Open311 view.
var petitionScenarios = []scenario{
	{Name: "the work list", As: "hedong", Path: "/api/v1/petitions", Status: 200,
		Want: []string{`"title":"矩阵诉求"`, `"stage":"received"`, `"overdue":true`, `"due_at":"2024-05-04T01:00:00Z"`}, Not: []string{"官渡诉求", "13800009999"}},
	{Name: "a case outside", As: "hedong", Path: "/api/v1/petitions/{官渡诉求}", Status: 403, Want: []string{`"code":"out_of_scope"`}},
	{Name: "a collective petition received", As: "yingbin", Method: "POST", Path: "/api/v1/petitions", Status: 201,
		Body: `{"area_id":{迎宾社区},"title":"小区停车难","type":"complaint","collective":true,"headcount":3,"received_at":"2025-03-01 09:00","channel":"visit","caller_name":"赵某","caller_phone":"13900005678","content":"车位不够"}`,
		Want: []string{`"collective":true`, `"headcount":3`, `"caller_phone":"139****5678"`, `"due_at":"2025-03-08T01:00:00Z"`, `"stage":"received"`}, Not: []string{"13900005678"}},
	{Name: "a collective petition of one person", As: "yingbin", Method: "POST", Path: "/api/v1/petitions", Status: 422,
		Body: `{"area_id":{迎宾社区},"title":"x","type":"help","collective":true,"headcount":1,"received_at":"2025-03-01 09:00","channel":"visit"}`, Want: []string{`"field":"headcount"`}},
	{Name: "a petition outside", As: "yingbin", Method: "POST", Path: "/api/v1/petitions", Status: 403,
		Body: `{"area_id":{官渡社区},"title":"x","type":"help","received_at":"2025-03-01 09:00","channel":"visit"}`, Want: []string{`"field":"area_id"`}},
	{Name: "one more request", Method: "POST", Path: "/api/v1/petitions/{矩阵诉求}/requests", Status: 201,
		Body: `{"received_at":"2024-05-01T10:30:00+08:00","channel":"online","caller_name":"王某","caller_phone":"13700000001"}`,
		Want: []string{`"caller_name":"王某"`, `"caller_phone":"137****0001"`, `"caller_phone":"138****9999"`}, Not: []string{"13700000001"}},
	{Name: "accepted before dispatched", Method: "POST", Path: "/api/v1/petitions/{矩阵诉求}/accept", Status: 409, Body: `{"at":"2024-05-01 12:00"}`, Want: []string{`"field":"at"`}},
	{Name: "dispatched", Method: "POST", Path: "/api/v1/petitions/{矩阵诉求}/dispatch", Status: 200, Body: `{"at":"2024-05-01 11:00","department":"区城管局"}`,
		Want: []string{`"department":"区城管局"`, `"agency":"区城管局"`, `"stage":"dispatched"`}},
	{Name: "accepted", Method: "POST", Path: "/api/v1/petitions/{矩阵诉求}/accept", Status: 200, Body: `{"at":"2024-05-01 20:00"}`, Want: []string{`"stage":"accepted"`, `"accepted_at":"2024-05-01T12:00:00Z"`}},
	{Name: "replied", Method: "POST", Path: "/api/v1/petitions/{矩阵诉求}/reply", Status: 200, Body: `{"at":"2024-05-02 09:00","reply":"已安排维修"}`, Want: []string{`"reply":"已安排维修"`}},
	{Name: "a satisfaction before resolved", Method: "POST", Path: "/api/v1/petitions/{矩阵诉求}/callback", Status: 409, Body: `{"on":"2024-05-02","satisfaction":"satisfied"}`,
		Want: []string{`"field":"satisfaction"`}},
	{Name: "resolved before received", Method: "POST", Path: "/api/v1/petitions/{矩阵诉求}/resolve", Status: 422, Body: `{"on":"2024-04-30"}`, Want: []string{`"field":"on"`}},
	{Name: "resolved", Method: "POST", Path: "/api/v1/petitions/{矩阵诉求}/resolve", Status: 200, Body: `{"on":"2024-05-03"}`,
		Want: []string{`"resolved_on":"2024-05-03"`, `"minutes_left":null`, `"overdue":false`, `"late":false`}},
	{Name: "verified", Method: "POST", Path: "/api/v1/petitions/{矩阵诉求}/verify", Status: 200, Body: `{"on":"2024-05-04"}`, Want: []string{`"verified_on":"2024-05-04"`}},
	{Name: "called back", Method: "POST", Path: "/api/v1/petitions/{矩阵诉求}/callback", Status: 200, Body: `{"on":"2024-05-05","satisfaction":"basically"}`,
		Want: []string{`"satisfaction":"basically"`, `"stage":"called_back"`}},
	{Name: "the case", As: "viewer", Path: "/api/v1/petitions/{矩阵诉求}", Status: 200, Want: []string{`"requests":[{`, `"caller_name":"矩阵来电人"`}, Not: []string{"13800009999"}},
	{Name: "the rates", As: "hedong", Path: "/api/v1/petition-rates?area={迎宾社区}&from=2024-01-01&to=2024-12-31", Status: 200,
		Want: []string{`"rates":{"cases":1,"responded":1,"resolved":1,"rated":1,"satisfied":1,"response_rate":100,"resolution_rate":100,"satisfaction_rate":100}`, `"ranking":[]`, `"min_cases":10`}},
	{Name: "ranked by nothing known", Path: "/api/v1/petition-rates?by=speed", Status: 422, Want: []string{`"field":"by"`}},
	{Name: "Open311 services", As: "viewer", Path: "/api/v1/open311/services.json", Status: 200,
		Want: []string{`"service_code":"consult","service_name":"咨询"`, `"metadata":false,"type":"realtime"`, `"service_code":"suggestion"`}},
	{Name: "Open311 requests", As: "hedong", Path: "/api/v1/open311/requests.json?start_date=2024-01-01T00:00:00%2B08:00&status=closed&service_code=help,consult", Status: 200,
		Want: []string{`"service_request_id":"{矩阵诉求}","status":"closed"`, `"service_code":"help"`, `"service_name":"求助"`, `"description":"矩阵诉求"`, `"agency_responsible":"区城管局"`,
			`"requested_datetime":"2024-05-01T09:00:00+08:00"`, `"expected_datetime":"2024-05-04T09:00:00+08:00"`, `"updated_datetime":"2024-05-05T00:00:00+08:00"`},
		Not: []string{"官渡", "小区停车难", "矩阵来电人", "13800009999", "138****"}},
	{Name: "Open311 open requests of a year", Path: "/api/v1/open311/requests.json?start_date=2025-01-01&end_date=2025-12-31T23:59:59%2B08:00&status=open", Status: 200,
		Want: []string{`"description":"小区停车难"`, `"status":"open"`}, Not: []string{"矩阵诉求"}},
	{Name: "Open311 with a status unknown", Path: "/api/v1/open311/requests.json?status=pending", Status: 422, Want: []string{`"field":"status"`}},
}
