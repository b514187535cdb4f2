package i18n

// Messages of the JSON API (internal/api). The API also uses the domain's
// messages in errors.go; these are the ones only the HTTP edge can say.
var apiZH = map[string]string{
	"err.api_route_unknown":      "接口 %s 不存在",
	"err.api_method":             "此接口不支持 %s 方法",
	"err.api_media_type":         "请求内容类型应为 application/json，而不是 %s",
	"err.api_body_too_large":     "请求内容超过 %d 字节的上限",
	"err.api_body_empty":         "请求内容为空，应为一个 JSON 对象",
	"err.api_body_truncated":     "请求内容不完整，JSON 在结束前中断",
	"err.api_body_syntax":        "请求内容不是有效的 JSON（第 %d 字节附近有错误）",
	"err.api_body_not_object":    "请求内容应为一个 JSON 对象，而不是 %s",
	"err.api_body_type":          "字段“%s”的类型错误，应为 %s",
	"err.api_body_unknown_field": "未知字段“%s”",
	"err.api_body_trailing":      "JSON 对象之后还有多余内容",
	"err.api_area_inactive":      "“%s”在 %s 不存在（尚未设立或已撤销）",
	"err.api_not_found":          "找不到请求的记录",
	"err.api_conflict":           "数据冲突：记录已存在或已被他人修改，请刷新后重试",
	"err.api_unavailable":        "请求已取消或超时，请稍后再试",
	"err.api_unauthenticated":    "需要有效的 API 令牌（请求头 Authorization: Bearer …）",
	"err.api_limit":              "limit 应为 1 到 %d 之间的整数，而不是“%s”",
}

var apiEN = map[string]string{
	"err.api_limit":              "limit must be a whole number from 1 to %d, not %q",
	"err.api_route_unknown":      "there is no endpoint at %s",
	"err.api_method":             "this endpoint does not accept %s",
	"err.api_media_type":         "the request body must be application/json, not %s",
	"err.api_body_too_large":     "the request body is larger than the limit of %d bytes",
	"err.api_body_empty":         "the request body is empty; send one JSON object",
	"err.api_body_truncated":     "the request body ends in the middle of its JSON",
	"err.api_body_syntax":        "the request body is not valid JSON (error near byte %d)",
	"err.api_body_not_object":    "the request body must be one JSON object, not %s",
	"err.api_body_type":          "field %q has the wrong type; expected %s",
	"err.api_body_unknown_field": "unknown field %q",
	"err.api_body_trailing":      "there is more content after the JSON object",
	"err.api_area_inactive":      "%q did not exist on %s (not yet established, or ended)",
	"err.api_not_found":          "the requested record does not exist",
	"err.api_conflict":           "conflict: the record already exists or was changed meanwhile; reload and try again",
	"err.api_unavailable":        "the request was cancelled or timed out; try again later",
	"err.api_unauthenticated":    "a valid API token is required (header Authorization: Bearer …)",
}
