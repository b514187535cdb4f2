package cli

import "dangjian/internal/i18n"

// What serve says about metrics (docs/operations.md, Monitoring).
func init() {
	i18n.Register(map[string]i18n.Message{
		"err.metrics_allow": {ZH: "--metrics-allow：%q 不是网段（CIDR，如 10.0.0.0/8）或 IP 地址；多个用逗号分隔，none 表示关闭 /metrics",
			EN: "--metrics-allow: %q is not a network (CIDR, such as 10.0.0.0/8) or an IP address; separate several with commas, none turns /metrics off"},
		"err.metrics_addr_none": {ZH: "--metrics-addr 与 --metrics-allow none 不能同时使用：没有人可以读取该地址上的指标",
			EN: "--metrics-addr cannot go with --metrics-allow none: nobody could read the metrics on that address"},
		"ui.cli.metrics_serving": {ZH: "指标：http://%s/metrics（允许 %s）",
			EN: "metrics on http://%s/metrics (open to %s)"},
	})
}
