package figures

import "dangjian/internal/i18n"

// Messages of the figures.
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.figure_unknown": {ZH: "没有名为“%s”的指标", EN: "no figure is named %q"},
	})
}
