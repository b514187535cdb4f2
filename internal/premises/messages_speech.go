package premises

import "dangjian/internal/i18n"

// The words the speech's part three names funding sources and rooms with.
func init() {
	i18n.Register(map[string]i18n.Message{
		"speech.share.city":               {ZH: "市出一点（%s）", EN: "the city %s"},
		"speech.share.district":           {ZH: "区出一点（%s）", EN: "the district %s"},
		"speech.share.subdistrict":        {ZH: "街道出一点（%s）", EN: "the subdistricts %s"},
		"speech.share.self":               {ZH: "居委自筹一点（%s）", EN: "the committees themselves %s"},
		"speech.beyond.unit":              {ZH: "驻区单位出资%s", EN: "stationed units gave %s"},
		"speech.beyond.other":             {ZH: "其他渠道筹集%s", EN: "other sources gave %s"},
		"speech.room_kind.party_activity": {ZH: "党员活动室", EN: "party activity rooms"},
		"speech.room_kind.e_learning":     {ZH: "电教室", EN: "e-learning rooms"},
		"speech.room_kind.fitness":        {ZH: "健身室", EN: "fitness rooms"},
		"speech.room_kind.library":        {ZH: "图书馆", EN: "libraries"},
	})
}
