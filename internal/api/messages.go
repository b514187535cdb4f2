package api

import "dangjian/internal/i18n"

// Messages of the JSON API. The API also uses the domain's messages; these
// are the ones only the HTTP edge can say.
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.api_route_unknown":      {ZH: "接口 %s 不存在", EN: "there is no endpoint at %s"},
		"err.api_method":             {ZH: "此接口不支持 %s 方法", EN: "this endpoint does not accept %s"},
		"err.api_media_type":         {ZH: "请求内容类型应为 application/json，而不是 %s", EN: "the request body must be application/json, not %s"},
		"err.api_body_too_large":     {ZH: "请求内容超过 %d 字节的上限", EN: "the request body is larger than the limit of %d bytes"},
		"err.api_body_empty":         {ZH: "请求内容为空，应为一个 JSON 对象", EN: "the request body is empty; send one JSON object"},
		"err.api_body_truncated":     {ZH: "请求内容不完整，JSON 在结束前中断", EN: "the request body ends in the middle of its JSON"},
		"err.api_body_syntax":        {ZH: "请求内容不是有效的 JSON（第 %d 字节附近有错误）", EN: "the request body is not valid JSON (error near byte %d)"},
		"err.api_body_not_object":    {ZH: "请求内容应为一个 JSON 对象，而不是 %s", EN: "the request body must be one JSON object, not %s"},
		"err.api_body_type":          {ZH: "字段“%s”的类型错误，应为 %s", EN: "field %q has the wrong type; expected %s"},
		"err.api_body_unknown_field": {ZH: "未知字段“%s”", EN: "unknown field %q"},
		"err.api_body_trailing":      {ZH: "JSON 对象之后还有多余内容", EN: "there is more content after the JSON object"},
		"err.api_area_inactive":      {ZH: "“%s”在 %s 不存在（尚未设立或已撤销）", EN: "%q did not exist on %s (not yet established, or ended)"},
		"err.api_not_found":          {ZH: "找不到请求的记录", EN: "the requested record does not exist"},
		"err.api_conflict":           {ZH: "数据冲突：记录已存在或已被他人修改，请刷新后重试", EN: "conflict: the record already exists or was changed meanwhile; reload and try again"},
		"err.api_unavailable":        {ZH: "请求已取消或超时，请稍后再试", EN: "the request was cancelled or timed out; try again later"},
		"err.api_unauthenticated":    {ZH: "需要有效的 API 令牌（请求头 Authorization: Bearer …）", EN: "a valid API token is required (header Authorization: Bearer …)"},
		"err.api_limit":              {ZH: "limit 应为 1 到 %d 之间的整数，而不是“%s”", EN: "limit must be a whole number from 1 to %d, not %q"},
	})
}
