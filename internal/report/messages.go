package report

import "dangjian/internal/i18n"

// Messages of the speech.
func init() {
	i18n.Register(map[string]i18n.Message{
		"speech.title":           {ZH: "%s社区党建工作经验交流会讲话（%s 至 %s）", EN: "Speech on community party building in %s (%s to %s)"},
		"speech.title_community": {ZH: "%s党建工作经验交流会讲话（%s 至 %s）", EN: "Speech on community party building in %s (%s to %s)"},
	})
}
