package api_test

import "strings"

// unauthenticated is what every refused token gets: the same 401, whatever
// was wrong with it.
var unauthenticated = scenario{Status: 401,
	Want:    []string{`"code":"api_unauthenticated"`, `需要有效的 API 令牌`},
	Not:     []string{"expired", "revoked", "过期", "撤销", "unknown"},
	Headers: map[string]string{"WWW-Authenticate": "Bearer"}}

// refusedToken is a GET of the area list with the Authorization header h,
// or as the fixture caller as when h is "".
func refusedToken(name, as, h string) scenario {
	sc := unauthenticated
	sc.Name, sc.As, sc.Method, sc.Path = name, as, "GET", "/api/v1/areas"
	if h != "" {
		sc.Header = map[string]string{"Authorization": h}
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
	{Name: "the scheme is case-insensitive", As: nobody, Method: "GET", Path: "/api/v1/areas",
		Header: map[string]string{"Authorization": "bearer {token:admin}"}, Status: 200, Want: []string{`"areas":[`}},
	{Name: "401 in English", As: nobody, Method: "GET", Path: "/api/v1/areas/{迎宾社区}?lang=en", Status: 401,
		Want: []string{`"message":"a valid API token is required (header Authorization: Bearer …)"`}, Not: []string{"迎宾"}},
	{Name: "a write without a token never reaches validation", As: nobody, Method: "POST", Path: "/api/v1/areas/{迎宾社区}/merge",
		Body: `{"target_id":99999,"on":"2030-01-01"}`, Status: 401, Want: []string{`"code":"api_unauthenticated"`}, Not: []string{"target_id"}},
	{Name: "every route needs the token: figures", As: "revoked", Method: "GET", Path: "/api/v1/figures", Status: 401},
	{Name: "every route needs the token: speech", As: nobody, Method: "GET", Path: "/api/v1/speech", Status: 401},
	{Name: "unknown paths under /api/v1 need the token too", As: nobody, Method: "GET", Path: "/api/v1/nothing", Status: 401},
	{Name: "wrong methods under /api/v1 need the token too", As: nobody, Method: "DELETE", Path: "/api/v1/areas/{迎宾社区}", Status: 401},
	{Name: "the document is public", As: nobody, Method: "GET", Path: "/api/openapi.json", Status: 200, Want: []string{`"bearer"`}},
	{Name: "after all that, the admin token still works", Method: "GET", Path: "/api/v1/areas", Status: 200},
}

var accessScenarios = []scenario{
	// The account, then the role.
	{Name: "an initial password not yet changed", As: "fresh", Method: "GET", Path: "/api/v1/areas/{迎宾社区}", Status: 403,
		Want: []string{`"code":"password_change_required"`, `请先修改初始密码`}},
	{Name: "an initial password not yet changed, in English", As: "fresh", Method: "GET", Path: "/api/v1/figures?lang=en", Status: 403,
		Want: []string{`"message":"change your initial password first"`}},
	{Name: "an auditor does not read the tree", As: "auditor", Method: "GET", Path: "/api/v1/areas", Status: 403,
		Want: []string{`"code":"forbidden"`, `无权进行此操作`}},
	{Name: "a viewer reads inside the subtree", As: "viewer", Method: "GET", Path: "/api/v1/areas/{宾南社区}", Status: 200,
		Want: []string{`"name":"宾南社区"`}},
	{Name: "a viewer cannot write", As: "viewer", Method: "POST", Path: "/api/v1/areas/{宾南社区}/rename",
		Body: `{"name":"宾南新社区","on":"2024-05-01"}`, Status: 403, Want: []string{`"code":"forbidden"`}},
	{Name: "a viewer cannot write, even an invalid body", As: "viewer", Method: "POST", Path: "/api/v1/areas",
		Body: `{"parent_id":"x"}`, Status: 403, Want: []string{`"code":"forbidden"`}},
	{Name: "a viewer reads nothing outside", As: "viewer", Method: "GET", Path: "/api/v1/areas/{官渡社区}", Status: 403,
		Want: []string{`"code":"out_of_scope"`}, Not: []string{"官渡"}},

	// A community secretary and the neighbouring community.
	{Name: "a neighbouring community", As: "yingbin", Method: "GET", Path: "/api/v1/areas/{宾南社区}", Status: 403,
		Want: []string{`"code":"out_of_scope"`, `"field":"id"`, `该区域不在您的管辖范围内`}, Not: []string{"宾南"}},
	{Name: "a neighbouring community, in English", As: "yingbin", Method: "GET", Path: "/api/v1/areas/{宾南社区}?lang=en", Status: 403,
		Want: []string{`"message":"this area is outside your scope"`}},
	{Name: "a neighbouring community's party orgs", As: "yingbin", Method: "GET", Path: "/api/v1/areas/{宾南社区}/party-orgs", Status: 403,
		Want: []string{`"code":"out_of_scope"`}},
	{Name: "a neighbouring community's history", As: "yingbin", Method: "GET", Path: "/api/v1/areas/{河滨社区}/events", Status: 403},
	{Name: "the parent subdistrict", As: "yingbin", Method: "GET", Path: "/api/v1/areas/{河东街道}", Status: 403},
	{Name: "the subdistrict's party committee", As: "yingbin", Method: "GET", Path: "/api/v1/party-orgs/{河东街道党委}", Status: 403,
		Want: []string{`"code":"out_of_scope"`}, Not: []string{"河东"}},
	{Name: "an unknown area is not in the subtree", As: "yingbin", Method: "GET", Path: "/api/v1/areas/99999", Status: 403},
	{Name: "an unknown party org is not in the subtree", As: "yingbin", Method: "GET", Path: "/api/v1/party-orgs/99999", Status: 403},
	{Name: "a bad id is still a bad request", As: "yingbin", Method: "GET", Path: "/api/v1/areas/abc", Status: 400},
	{Name: "a neighbouring community's figures", As: "yingbin", Method: "GET", Path: "/api/v1/figures?area={宾南社区}", Status: 403,
		Want: []string{`"code":"out_of_scope"`, `"field":"area"`}},
	{Name: "the district's figures by id", As: "yingbin", Method: "GET", Path: "/api/v1/figures?area={示范区}", Status: 403},
	{Name: "a neighbour's name is not even recognised", As: "yingbin", Method: "GET", Path: "/api/v1/figures?area=宾南社区", Status: 404,
		Want: []string{`"code":"area_name_unknown"`}},
	{Name: "one figure of a neighbour", As: "yingbin", Method: "GET", Path: "/api/v1/figures/communities.total?area={官渡社区}", Status: 403},
	{Name: "the speech of the district", As: "yingbin", Method: "GET", Path: "/api/v1/speech?area={示范区}", Status: 403},
	{Name: "the tree under the subdistrict", As: "yingbin", Method: "GET", Path: "/api/v1/areas/tree?root={河东街道}", Status: 403,
		Want: []string{`"field":"root"`}},

	// What the community secretary does see: their community, by default.
	{Name: "figures without area are the community's", As: "yingbin", Method: "GET", Path: "/api/v1/figures?from=2023-01-01&to=2023-12-31", Status: 200,
		Want: []string{`"scope":{"id":{迎宾社区},"name":"迎宾社区"}`, `{"key":"communities.total","label":"社区居委会","value":1,"unit":"个"}`},
		Not:  []string{"示范区", `"value":3`}},
	{Name: "one figure without area is the community's", As: "yingbin", Method: "GET", Path: "/api/v1/figures/coverage.branch_per_community?from=2023-01-01&to=2023-12-31", Status: 200,
		Want: []string{`"scope":{"id":{迎宾社区},"name":"迎宾社区"}`, `"value":100`}, Not: []string{"宾南"}},
	{Name: "the speech without area is the community's", As: "yingbin", Method: "GET", Path: "/api/v1/speech?from=2023-01-01&to=2023-12-31", Status: 200,
		Want: []string{"# 迎宾社区党建工作经验交流会讲话"}, Not: []string{"示范区"}},
	{Name: "the tree without root is the community", As: "yingbin", Method: "GET", Path: "/api/v1/areas/tree", Status: 200,
		Want: []string{`"tree":{"id":{迎宾社区}`}, Not: []string{"宾南", "示范区"}},
	{Name: "the list is the community", As: "yingbin", Method: "GET", Path: "/api/v1/areas", Status: 200,
		Want: []string{`"name":"迎宾社区"`}, Not: []string{"宾南", "示范区", "官渡"}},
	{Name: "the community itself", As: "yingbin", Method: "GET", Path: "/api/v1/areas/{迎宾社区}", Status: 200,
		Want: []string{`"ancestors":[]`, `"name":"迎宾社区党支部"`}, Not: []string{"示范区"}},
	{Name: "its own party branch", As: "yingbin", Method: "GET", Path: "/api/v1/party-orgs/{迎宾社区党支部}", Status: 200},
	{Name: "figures of its own community by name", As: "yingbin", Method: "GET", Path: "/api/v1/figures?area=迎宾社区", Status: 200},

	// Body references outside the subtree, refused before validation.
	{Name: "a branch on a neighbouring community", As: "yingbin", Method: "POST", Path: "/api/v1/party-orgs",
		Body: `{"area_id":{宾南社区},"kind":"branch","name":"宾南社区党支部","on":"2021-05-01"}`, Status: 403,
		Want: []string{`"code":"out_of_scope"`, `"field":"area_id"`}},
	{Name: "an area under the parent subdistrict", As: "yingbin", Method: "POST", Path: "/api/v1/areas",
		Body: `{"parent_id":{河东街道},"name":"新社区","on":"2024-01-10"}`, Status: 403,
		Want: []string{`"code":"out_of_scope"`, `"field":"parent_id"`}},
	{Name: "an area outside, dated before it existed, says nothing of it", As: "hedong", Method: "POST", Path: "/api/v1/areas",
		Body: `{"parent_id":{官渡街道},"name":"新社区","on":"2019-01-10"}`, Status: 403,
		Want: []string{`"code":"out_of_scope"`, `"field":"parent_id"`}, Not: []string{"官渡", "2015-01-01"}},
	{Name: "a new root", As: "hedong", Method: "POST", Path: "/api/v1/areas",
		Body: `{"level":"district","name":"新区","on":"2024-01-10"}`, Status: 403, Want: []string{`"field":"parent_id"`}},
	{Name: "a subdistrict merges its community into one outside", As: "hedong", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/merge",
		Body: `{"target_id":{官渡社区},"on":"2024-03-01"}`, Status: 403,
		Want: []string{`"code":"out_of_scope"`, `"field":"target_id"`}, Not: []string{"官渡"}},
	{Name: "... and nothing was written", Method: "GET", Path: "/api/v1/areas/{迎宾社区}/events", Status: 200,
		Want: []string{`"kind":"create"`}, Not: []string{`"kind":"merge"`, "官渡"}},
	{Name: "... the target is untouched", Method: "GET", Path: "/api/v1/areas/{官渡街道}", Status: 200,
		Want: []string{`"children":[{"id":{官渡社区}`}, Not: []string{"迎宾"}},
	{Name: "a subdistrict moves its community under another subdistrict", As: "hedong", Method: "POST", Path: "/api/v1/areas/{宾南社区}/adjust",
		Body: `{"new_parent_id":{官渡街道},"on":"2024-04-01"}`, Status: 403, Want: []string{`"field":"new_parent_id"`}},
	{Name: "a subdistrict renames a community of another", As: "hedong", Method: "POST", Path: "/api/v1/areas/{官渡社区}/rename",
		Body: `{"name":"官渡新社区","on":"2024-05-01"}`, Status: 403, Want: []string{`"field":"id"`}},
	{Name: "a subdistrict dissolves another's party org", As: "district", Method: "GET", Path: "/api/v1/party-orgs/{河东街道党委}", Status: 200},

	// Writes inside the subtree go through.
	{Name: "a subdistrict adds a community", As: "hedong", Method: "POST", Path: "/api/v1/areas",
		Body: `{"parent_id":{河东街道},"name":"河东新社区","on":"2024-01-10"}`, Status: 201, Want: []string{`"name":"河东新社区"`}},
	{Name: "a subdistrict merges two of its communities", As: "hedong", Method: "POST", Path: "/api/v1/areas/{宾南社区}/merge",
		Body: `{"target_id":{迎宾社区},"on":"2024-03-01"}`, Status: 200, Want: []string{`"successor_id":{迎宾社区}`}},
	{Name: "a community secretary cannot rename their own community", As: "yingbin", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/rename",
		Body: `{"name":"迎宾路社区","on":"2024-05-01"}`, Status: 403, Want: []string{`"code":"own_area_change"`, `"field":"area_id"`}},
	{Name: "a community secretary still adds a party organisation to it", As: "yingbin", Method: "POST", Path: "/api/v1/party-orgs",
		Body: `{"area_id":{迎宾社区},"kind":"general_branch","name":"迎宾社区党总支","on":"2024-05-01"}`, Status: 201},
	{Name: "the subdistrict renames the community", As: "hedong", Method: "POST", Path: "/api/v1/areas/{迎宾社区}/rename",
		Body: `{"name":"迎宾路社区","on":"2024-05-01"}`, Status: 200, Want: []string{`"name":"迎宾路社区"`}},
	{Name: "a district officer sees the whole district", As: "district", Method: "GET", Path: "/api/v1/areas/{官渡社区}", Status: 200},
}
