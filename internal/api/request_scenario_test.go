package api_test

import (
	"dangjian/internal/api"
	"strings"
)

var requestErrorScenarios = []scenario{
	{name: "malformed JSON", method: "POST", path: "/api/v1/areas", body: `{"name" "x"}`, status: 400,
		want: []string{`"code":"api_body_syntax"`, `请求内容不是有效的 JSON`}},
	{name: "malformed JSON, in English", method: "POST", path: "/api/v1/areas?lang=en", body: `{"name" "x"}`, status: 400,
		want: []string{`"message":"the request body is not valid JSON (error near byte 9)"`}},
	{name: "truncated JSON", method: "POST", path: "/api/v1/areas/{迎宾社区}/rename", body: `{"name":"甲`, status: 400,
		want: []string{`"code":"api_body_truncated"`}},
	{name: "unknown field", method: "POST", path: "/api/v1/areas/{迎宾社区}/rename", body: `{"nmae":"甲社区","on":"2024-01-01"}`, status: 400,
		want: []string{`"code":"api_body_unknown_field"`, `"field":"nmae"`, `未知字段“nmae”`}},
	{name: "the subject is not a body field", method: "POST", path: "/api/v1/areas/{迎宾社区}/merge", body: `{"area_id":1,"target_id":{宾南社区},"on":"2024-01-01"}`, status: 400,
		want: []string{`"field":"area_id"`}},
	{name: "wrong type", method: "POST", path: "/api/v1/areas", body: `{"parent_id":"河东街道","name":"x","on":"2024-01-01"}`, status: 400,
		want: []string{`"code":"api_body_type"`, `"field":"parent_id"`, `应为 number`}},
	{name: "not an object", method: "POST", path: "/api/v1/areas", body: `["x"]`, status: 400,
		want: []string{`"code":"api_body_not_object"`}},
	{name: "empty body", method: "POST", path: "/api/v1/party-orgs", status: 400,
		want: []string{`"code":"api_body_empty"`}},
	{name: "two objects", method: "POST", path: "/api/v1/areas/{迎宾社区}/dissolve", body: `{"on":"2024-01-01"} {"on":"2024-01-02"}`, status: 400,
		want: []string{`"code":"api_body_trailing"`}},
	{name: "not JSON", method: "POST", path: "/api/v1/areas", body: `name=x`, header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, status: 415,
		want: []string{`"code":"api_media_type"`}},
	{name: "too large", method: "POST", path: "/api/v1/areas", body: `{"note":"` + strings.Repeat("很", api.MaxBody/3+10) + `"}`, status: 413,
		want: []string{`"code":"api_body_too_large"`, `1048576`}},
	{name: "bad id in a change", method: "POST", path: "/api/v1/areas/0/rename", body: `{"name":"甲","on":"2024-01-01"}`, status: 400,
		want: []string{`"code":"id_invalid"`, `"field":"id"`}},
	{name: "wrong method", method: "DELETE", path: "/api/v1/areas/{迎宾社区}", status: 405,
		want: []string{`"code":"api_method"`}, headers: map[string]string{"Allow": "GET"}},
	{name: "wrong method on a collection", method: "PUT", path: "/api/v1/areas", status: 405,
		headers: map[string]string{"Allow": "GET, POST"}},
	{name: "unknown endpoint", method: "GET", path: "/api/v1/nothing", status: 404,
		want: []string{`"code":"api_route_unknown"`, `接口 /api/v1/nothing 不存在`}},
	{name: "unknown endpoint, in English", method: "GET", path: "/api/v2/areas", header: en, status: 404,
		want: []string{`"message":"there is no endpoint at /api/v2/areas"`}},
}
