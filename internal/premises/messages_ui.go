package premises

import "dangjian/internal/i18n"

// The words of part three's audit entries.
func init() {
	i18n.Register(map[string]i18n.Message{
		"ui.audit.action.premises.open":           {ZH: "启用用房", EN: "Premises opened"},
		"ui.audit.action.premises.close":          {ZH: "停用用房", EN: "Premises closed"},
		"ui.audit.action.room.add":                {ZH: "登记功能室", EN: "Room added"},
		"ui.audit.action.office_funding.add":      {ZH: "登记办公经费", EN: "Office funding added"},
		"ui.audit.action.economic_land.add":       {ZH: "登记经济发展用地", EN: "Economic land added"},
		"ui.audit.action.building_project.create": {ZH: "新建建设项目", EN: "Building project created"},
		"ui.audit.action.building_project.step":   {ZH: "建设项目进展", EN: "Building project step reached"},
		"ui.audit.action.project_funding.add":     {ZH: "登记项目资金", EN: "Project funding added"},
		"ui.audit.action.project_waiver.add":      {ZH: "登记规费减免", EN: "Fee waiver added"},
		"ui.audit.action.premises_standard.set":   {ZH: "设定用房标准", EN: "Premises standard set"},
		"ui.audit.action.household_count.add":     {ZH: "登记户数", EN: "Household count added"},
		"ui.audit.action.import.premises_survey":  {ZH: "导入阵地调查表", EN: "Premises survey imported"},
		"ui.audit.action.premises.move_attached":  {ZH: "用房和用地随社区调整转移", EN: "Premises and land moved with the community"},
		"ui.attached.premises":                    {ZH: "%d处用房", EN: "%d premises"},
		"ui.attached.land":                        {ZH: "%d块经济发展用地", EN: "%d pieces of land"},
		"ui.audit.type.premises":                  {ZH: "用房", EN: "Premises"},
		"ui.audit.type.room":                      {ZH: "功能室", EN: "Room"},
		"ui.audit.type.office_funding":            {ZH: "办公经费", EN: "Office funding"},
		"ui.audit.type.economic_land":             {ZH: "经济发展用地", EN: "Economic land"},
		"ui.audit.type.building_project":          {ZH: "建设项目", EN: "Building project"},
		"ui.audit.type.project_funding":           {ZH: "项目资金", EN: "Project funding"},
		"ui.audit.type.project_waiver":            {ZH: "规费减免", EN: "Fee waiver"},
		"ui.audit.type.premises_standard":         {ZH: "用房标准", EN: "Premises standard"},
		"ui.audit.type.household_count":           {ZH: "户数", EN: "Household count"},
	})
}
