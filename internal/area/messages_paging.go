package area

import "dangjian/internal/i18n"

// Messages of the bounded tree of the API (issue 15 item 9).
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.api_tree_depth": {ZH: "depth 应为 1 到 %d 之间的整数，而不是“%s”；更深的层级请以 root 指定该区域再取", EN: "depth must be a whole number from 1 to %d, not %q; for deeper levels ask again with root set to that area"},
	})
}
