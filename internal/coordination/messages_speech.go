package coordination

import "dangjian/internal/i18n"

// The words part two of the speech names conferences and campaigns by.
func init() {
	i18n.Register(map[string]i18n.Message{
		"speech.conference_kind.party_building": {ZH: "社区党建", EN: "community party building"},
		"speech.conference_kind.public_order":   {ZH: "社会治安综合治理", EN: "public order"},
		"speech.conference_kind.other":          {ZH: "其他社区工作", EN: "other community work"},
		"speech.campaign_kind.theft":            {ZH: "打击盗窃犯罪", EN: "fighting theft"},
		"speech.campaign_kind.vice":             {ZH: "禁止黄赌毒", EN: "banning pornography, gambling and drugs"},
		"speech.campaign_kind.sanitation":       {ZH: "整治脏乱差", EN: "cleaning up dirt and disorder"},
		"speech.campaign_kind.epidemic":         {ZH: "防治传染病", EN: "preventing epidemics"},
		"speech.campaign_kind.rabies":           {ZH: "防制狂犬病", EN: "controlling rabies"},
	})
}
