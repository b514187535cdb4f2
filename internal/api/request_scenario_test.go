package api_test

import (
	"dangjian/internal/api"
	"strings"
)

var requestErrorScenarios = []scenario{
	{Name: "malformed JSON", Method: "POST", Path: "/api/v1/areas", Body: `{"name" "x"}`, Status: 400,
		Want: []string{`"code":"api_body_syntax"`, `请求内容不是有效的 JSON`}},
	{Name: "malformed JSON, in English", Method: "POST", Path: "/api/v1/areas?lang=en", Body: `{"name" "x"}`, Status: 400,
		Want: []string{`"message":"the request body is not valid JSON (error near byte 9)"`}},
	{Name: "truncated JSON", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/rename", Body: `{"name":"甲`, Status: 400,
		Want: []string{`"code":"api_body_truncated"`}},
	{Name: "unknown field", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/rename", Body: `{"nmae":"甲社区","on":"2024-01-01"}`, Status: 400,
		Want: []string{`"code":"api_body_unknown_field"`, `"field":"nmae"`, `未知字段“nmae”`}},
	{Name: "the subject is not a body field", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/merge", Body: `{"area_id":1,"target_id":{宾南社区},"on":"2024-01-01"}`, Status: 400,
		Want: []string{`"field":"area_id"`}},
	{Name: "wrong type", Method: "POST", Path: "/api/v1/areas", Body: `{"parent_id":"河东街道","name":"x","on":"2024-01-01"}`, Status: 400,
		Want: []string{`"code":"api_body_type"`, `"field":"parent_id"`, `应为 number`}},
	{Name: "not an object", Method: "POST", Path: "/api/v1/areas", Body: `["x"]`, Status: 400,
		Want: []string{`"code":"api_body_not_object"`}},
	{Name: "empty body", Method: "POST", Path: "/api/v1/party-orgs", Status: 400,
		Want: []string{`"code":"api_body_empty"`}},
	{Name: "two objects", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/dissolve", Body: `{"on":"2024-01-01"} {"on":"2024-01-02"}`, Status: 400,
		Want: []string{`"code":"api_body_trailing"`}},
	{Name: "not JSON", Method: "POST", Path: "/api/v1/areas", Body: `name=x`, Header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, Status: 415,
		Want: []string{`"code":"api_media_type"`}},
	{Name: "too large", Method: "POST", Path: "/api/v1/areas", Body: `{"note":"` + strings.Repeat("很", api.MaxBody/3+10) + `"}`, Status: 413,
		Want: []string{`"code":"api_body_too_large"`, `1048576`}},
	{Name: "bad id in a change", Method: "POST", Path: "/api/v1/areas/0/rename", Body: `{"name":"甲","on":"2024-01-01"}`, Status: 400,
		Want: []string{`"code":"id_invalid"`, `"field":"id"`}},
	{Name: "wrong method", Method: "DELETE", Path: "/api/v1/areas/{迎宾社区}", Status: 405,
		Want: []string{`"code":"api_method"`}, Headers: map[string]string{"Allow": "GET"}},
	{Name: "wrong method on a collection", Method: "PUT", Path: "/api/v1/areas", Status: 405,
		Headers: map[string]string{"Allow": "GET, POST"}},
	{Name: "unknown endpoint", Method: "GET", Path: "/api/v1/nothing", Status: 404,
		Want: []string{`"code":"api_route_unknown"`, `接口 /api/v1/nothing 不存在`}},
	{Name: "unknown endpoint, in English", Method: "GET", Path: "/api/v2/areas", Header: en, Status: 404,
		Want: []string{`"message":"there is no endpoint at /api/v2/areas"`}},
}
