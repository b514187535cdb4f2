package api_test

import "strings"

// unauthenticated is what every refused token gets: the same 401, whatever
// was wrong with it.
var unauthenticated = scenario{status: 401,
	want:    []string{`"code":"api_unauthenticated"`, `需要有效的 API 令牌`},
	not:     []string{"expired", "revoked", "过期", "撤销", "unknown"},
	headers: map[string]string{"WWW-Authenticate": "Bearer"}}

// refusedToken is a GET of the area list with the Authorization header h,
// or as the fixture caller as when h is "".
func refusedToken(name, as, h string) scenario {
	sc := unauthenticated
	sc.name, sc.as, sc.method, sc.path = name, as, "GET", "/api/v1/areas"
	if h != "" {
		sc.header = map[string]string{"Authorization": h}
	}
	return sc
}

var authScenarios = []scenario{
	refusedToken("no Authorization header", nobody, ""),
	refusedToken("Basic credentials", nobody, "Basic YWRtaW46VGVzdC1QYXNzdzByZC0x"),
	refusedToken("Bearer without a token", nobody, "Bearer "),
	refusedToken("the token alone, without a scheme", nobody, "{token:admin}"),
	refusedToken("a malformed token", nobody, "Bearer dj_short"),
	refusedToken("a token without the prefix", nobody, "Bearer xx_"+strings.Repeat("A", 43)),
	refusedToken("an unknown token", nobody, "Bearer dj_"+strings.Repeat("A", 43)),
	refusedToken("an expired token", "expired", ""),
	refusedToken("a revoked token", "revoked", ""),
	refusedToken("a session cookie is not a token", nobody, "Bearer {token:admin}x"),
	{name: "the scheme is case-insensitive", as: nobody, method: "GET", path: "/api/v1/areas",
		header: map[string]string{"Authorization": "bearer {token:admin}"}, status: 200, want: []string{`"areas":[`}},
	{name: "401 in English", as: nobody, method: "GET", path: "/api/v1/areas/{迎宾社区}?lang=en", status: 401,
		want: []string{`"message":"a valid API token is required (header Authorization: Bearer …)"`}, not: []string{"迎宾"}},
	{name: "a write without a token never reaches validation", as: nobody, method: "POST", path: "/api/v1/areas/{迎宾社区}/merge",
		body: `{"target_id":99999,"on":"2030-01-01"}`, status: 401, want: []string{`"code":"api_unauthenticated"`}, not: []string{"target_id"}},
	{name: "every route needs the token: figures", as: "revoked", method: "GET", path: "/api/v1/figures", status: 401},
	{name: "every route needs the token: speech", as: nobody, method: "GET", path: "/api/v1/speech", status: 401},
	{name: "unknown paths under /api/v1 need the token too", as: nobody, method: "GET", path: "/api/v1/nothing", status: 401},
	{name: "wrong methods under /api/v1 need the token too", as: nobody, method: "DELETE", path: "/api/v1/areas/{迎宾社区}", status: 401},
	{name: "the document is public", as: nobody, method: "GET", path: "/api/openapi.json", status: 200, want: []string{`"bearer"`}},
	{name: "after all that, the admin token still works", method: "GET", path: "/api/v1/areas", status: 200},
}

var accessScenarios = []scenario{
	// The account, then the role.
	{name: "an initial password not yet changed", as: "fresh", method: "GET", path: "/api/v1/areas/{迎宾社区}", status: 403,
		want: []string{`"code":"password_change_required"`, `请先修改初始密码`}},
	{name: "an initial password not yet changed, in English", as: "fresh", method: "GET", path: "/api/v1/figures?lang=en", status: 403,
		want: []string{`"message":"change your initial password first"`}},
	{name: "an auditor does not read the tree", as: "auditor", method: "GET", path: "/api/v1/areas", status: 403,
		want: []string{`"code":"forbidden"`, `无权进行此操作`}},
	{name: "a viewer reads inside the subtree", as: "viewer", method: "GET", path: "/api/v1/areas/{宾南社区}", status: 200,
		want: []string{`"name":"宾南社区"`}},
	{name: "a viewer cannot write", as: "viewer", method: "POST", path: "/api/v1/areas/{宾南社区}/rename",
		body: `{"name":"宾南新社区","on":"2024-05-01"}`, status: 403, want: []string{`"code":"forbidden"`}},
	{name: "a viewer cannot write, even an invalid body", as: "viewer", method: "POST", path: "/api/v1/areas",
		body: `{"parent_id":"x"}`, status: 403, want: []string{`"code":"forbidden"`}},
	{name: "a viewer reads nothing outside", as: "viewer", method: "GET", path: "/api/v1/areas/{官渡社区}", status: 403,
		want: []string{`"code":"out_of_scope"`}, not: []string{"官渡"}},

	// A community secretary and the neighbouring community.
	{name: "a neighbouring community", as: "yingbin", method: "GET", path: "/api/v1/areas/{宾南社区}", status: 403,
		want: []string{`"code":"out_of_scope"`, `"field":"id"`, `该区域不在您的管辖范围内`}, not: []string{"宾南"}},
	{name: "a neighbouring community, in English", as: "yingbin", method: "GET", path: "/api/v1/areas/{宾南社区}?lang=en", status: 403,
		want: []string{`"message":"this area is outside your scope"`}},
	{name: "a neighbouring community's party orgs", as: "yingbin", method: "GET", path: "/api/v1/areas/{宾南社区}/party-orgs", status: 403,
		want: []string{`"code":"out_of_scope"`}},
	{name: "a neighbouring community's history", as: "yingbin", method: "GET", path: "/api/v1/areas/{河滨社区}/events", status: 403},
	{name: "the parent subdistrict", as: "yingbin", method: "GET", path: "/api/v1/areas/{河东街道}", status: 403},
	{name: "the subdistrict's party committee", as: "yingbin", method: "GET", path: "/api/v1/party-orgs/{河东街道党委}", status: 403,
		want: []string{`"code":"out_of_scope"`}, not: []string{"河东"}},
	{name: "an unknown area is not in the subtree", as: "yingbin", method: "GET", path: "/api/v1/areas/99999", status: 403},
	{name: "an unknown party org is not in the subtree", as: "yingbin", method: "GET", path: "/api/v1/party-orgs/99999", status: 403},
	{name: "a bad id is still a bad request", as: "yingbin", method: "GET", path: "/api/v1/areas/abc", status: 400},
	{name: "a neighbouring community's figures", as: "yingbin", method: "GET", path: "/api/v1/figures?area={宾南社区}", status: 403,
		want: []string{`"code":"out_of_scope"`, `"field":"area"`}},
	{name: "the district's figures by id", as: "yingbin", method: "GET", path: "/api/v1/figures?area={示范区}", status: 403},
	{name: "a neighbour's name is not even recognised", as: "yingbin", method: "GET", path: "/api/v1/figures?area=宾南社区", status: 404,
		want: []string{`"code":"area_name_unknown"`}},
	{name: "one figure of a neighbour", as: "yingbin", method: "GET", path: "/api/v1/figures/communities.total?area={官渡社区}", status: 403},
	{name: "the speech of the district", as: "yingbin", method: "GET", path: "/api/v1/speech?area={示范区}", status: 403},
	{name: "the tree under the subdistrict", as: "yingbin", method: "GET", path: "/api/v1/areas/tree?root={河东街道}", status: 403,
		want: []string{`"field":"root"`}},

	// What the community secretary does see: their community, by default.
	{name: "figures without area are the community's", as: "yingbin", method: "GET", path: "/api/v1/figures?from=2023-01-01&to=2023-12-31", status: 200,
		want: []string{`"scope":{"id":{迎宾社区},"name":"迎宾社区"}`, `{"key":"communities.total","label":"社区居委会","value":1,"unit":"个"}`},
		not:  []string{"示范区", `"value":3`}},
	{name: "one figure without area is the community's", as: "yingbin", method: "GET", path: "/api/v1/figures/coverage.branch_per_community?from=2023-01-01&to=2023-12-31", status: 200,
		want: []string{`"scope":{"id":{迎宾社区},"name":"迎宾社区"}`, `"value":100`}, not: []string{"宾南"}},
	{name: "the speech without area is the community's", as: "yingbin", method: "GET", path: "/api/v1/speech?from=2023-01-01&to=2023-12-31", status: 200,
		want: []string{"# 迎宾社区社区党建工作经验交流会讲话"}, not: []string{"示范区"}},
	{name: "the tree without root is the community", as: "yingbin", method: "GET", path: "/api/v1/areas/tree", status: 200,
		want: []string{`"tree":{"id":{迎宾社区}`}, not: []string{"宾南", "示范区"}},
	{name: "the list is the community", as: "yingbin", method: "GET", path: "/api/v1/areas", status: 200,
		want: []string{`"name":"迎宾社区"`}, not: []string{"宾南", "示范区", "官渡"}},
	{name: "the community itself", as: "yingbin", method: "GET", path: "/api/v1/areas/{迎宾社区}", status: 200,
		want: []string{`"ancestors":[]`, `"name":"迎宾社区党支部"`}, not: []string{"示范区"}},
	{name: "its own party branch", as: "yingbin", method: "GET", path: "/api/v1/party-orgs/{迎宾社区党支部}", status: 200},
	{name: "figures of its own community by name", as: "yingbin", method: "GET", path: "/api/v1/figures?area=迎宾社区", status: 200},

	// Body references outside the subtree, refused before validation.
	{name: "a branch on a neighbouring community", as: "yingbin", method: "POST", path: "/api/v1/party-orgs",
		body: `{"area_id":{宾南社区},"kind":"branch","name":"宾南社区党支部","on":"2021-05-01"}`, status: 403,
		want: []string{`"code":"out_of_scope"`, `"field":"area_id"`}},
	{name: "an area under the parent subdistrict", as: "yingbin", method: "POST", path: "/api/v1/areas",
		body: `{"parent_id":{河东街道},"name":"新社区","on":"2024-01-10"}`, status: 403,
		want: []string{`"code":"out_of_scope"`, `"field":"parent_id"`}},
	{name: "an area outside, dated before it existed, says nothing of it", as: "hedong", method: "POST", path: "/api/v1/areas",
		body: `{"parent_id":{官渡街道},"name":"新社区","on":"2019-01-10"}`, status: 403,
		want: []string{`"code":"out_of_scope"`, `"field":"parent_id"`}, not: []string{"官渡", "2020-01-01"}},
	{name: "a new root", as: "hedong", method: "POST", path: "/api/v1/areas",
		body: `{"level":"district","name":"新区","on":"2024-01-10"}`, status: 403, want: []string{`"field":"parent_id"`}},
	{name: "a subdistrict merges its community into one outside", as: "hedong", method: "POST", path: "/api/v1/areas/{迎宾社区}/merge",
		body: `{"target_id":{官渡社区},"on":"2024-03-01"}`, status: 403,
		want: []string{`"code":"out_of_scope"`, `"field":"target_id"`}, not: []string{"官渡"}},
	{name: "... and nothing was written", method: "GET", path: "/api/v1/areas/{迎宾社区}/events", status: 200,
		want: []string{`"kind":"create"`}, not: []string{`"kind":"merge"`, "官渡"}},
	{name: "... the target is untouched", method: "GET", path: "/api/v1/areas/{官渡街道}", status: 200,
		want: []string{`"children":[{"id":{官渡社区}`}, not: []string{"迎宾"}},
	{name: "a subdistrict moves its community under another subdistrict", as: "hedong", method: "POST", path: "/api/v1/areas/{宾南社区}/adjust",
		body: `{"new_parent_id":{官渡街道},"on":"2024-04-01"}`, status: 403, want: []string{`"field":"new_parent_id"`}},
	{name: "a subdistrict renames a community of another", as: "hedong", method: "POST", path: "/api/v1/areas/{官渡社区}/rename",
		body: `{"name":"官渡新社区","on":"2024-05-01"}`, status: 403, want: []string{`"field":"id"`}},
	{name: "a subdistrict dissolves another's party org", as: "district", method: "GET", path: "/api/v1/party-orgs/{河东街道党委}", status: 200},

	// Writes inside the subtree go through.
	{name: "a subdistrict adds a community", as: "hedong", method: "POST", path: "/api/v1/areas",
		body: `{"parent_id":{河东街道},"name":"河东新社区","on":"2024-01-10"}`, status: 201, want: []string{`"name":"河东新社区"`}},
	{name: "a subdistrict merges two of its communities", as: "hedong", method: "POST", path: "/api/v1/areas/{宾南社区}/merge",
		body: `{"target_id":{迎宾社区},"on":"2024-03-01"}`, status: 200, want: []string{`"successor_id":{迎宾社区}`}},
	{name: "a community secretary cannot rename their own community", as: "yingbin", method: "POST", path: "/api/v1/areas/{迎宾社区}/rename",
		body: `{"name":"迎宾路社区","on":"2024-05-01"}`, status: 403, want: []string{`"code":"own_area_change"`, `"field":"area_id"`}},
	{name: "a community secretary still adds a party organisation to it", as: "yingbin", method: "POST", path: "/api/v1/party-orgs",
		body: `{"area_id":{迎宾社区},"kind":"general_branch","name":"迎宾社区党总支","on":"2024-05-01"}`, status: 201},
	{name: "the subdistrict renames the community", as: "hedong", method: "POST", path: "/api/v1/areas/{迎宾社区}/rename",
		body: `{"name":"迎宾路社区","on":"2024-05-01"}`, status: 200, want: []string{`"name":"迎宾路社区"`}},
	{name: "a district officer sees the whole district", as: "district", method: "GET", path: "/api/v1/areas/{官渡社区}", status: 200},
}
