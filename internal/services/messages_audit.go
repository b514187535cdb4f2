package services

import "dangjian/internal/i18n"

// The audit trail's words for part four (b)'s changes, and what an ending
// area hands on.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.audit.action.outlet.create":          {ZH: "设立服务站点", EN: "Outlet opened"},
		"ui.audit.action.outlet.update":          {ZH: "更正服务站点", EN: "Outlet corrected"},
		"ui.audit.action.outlet.end":             {ZH: "撤销服务站点", EN: "Outlet closed"},
		"ui.audit.action.designation.create":     {ZH: "登记命名", EN: "Designation awarded"},
		"ui.audit.action.designation.update":     {ZH: "更正命名", EN: "Designation corrected"},
		"ui.audit.action.designation.end":        {ZH: "命名结束", EN: "Designation ended"},
		"ui.audit.action.service_record.create":  {ZH: "登记服务记录", EN: "Services recorded"},
		"ui.audit.action.service_record.update":  {ZH: "更正服务记录", EN: "Service record corrected"},
		"ui.audit.action.service_record.batch":   {ZH: "批量登记服务记录", EN: "Service records brought in"},
		"ui.audit.action.placement.create":       {ZH: "登记再就业", EN: "Placement recorded"},
		"ui.audit.action.placement.update":       {ZH: "更正再就业记录", EN: "Placement corrected"},
		"ui.audit.action.placement.end":          {ZH: "再就业结束", EN: "Placement ended"},
		"ui.audit.action.good_deed.create":       {ZH: "登记好事实事", EN: "Good deed recorded"},
		"ui.audit.action.good_deed.update":       {ZH: "更正好事实事", EN: "Good deed corrected"},
		"ui.audit.action.services.move_attached": {ZH: "服务站点和命名随区划调整转移", EN: "Outlets and designations moved with the area"},
		"ui.audit.type.outlet":                   {ZH: "服务站点", EN: "Outlet"},
		"ui.audit.type.designation":              {ZH: "命名", EN: "Designation"},
		"ui.audit.type.service_record":           {ZH: "服务记录", EN: "Service record"},
		"ui.audit.type.placement":                {ZH: "再就业", EN: "Placement"},
		"ui.audit.type.good_deed":                {ZH: "好事实事", EN: "Good deed"},
		"ui.attached.outlets":                    {ZH: "%d个服务站点", EN: "%d service outlets"},
		"ui.attached.designations":               {ZH: "%d个命名小区", EN: "%d designated estates"},
	})
}
