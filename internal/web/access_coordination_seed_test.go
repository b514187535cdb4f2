package web_test

import (
	"context"
	"testing"

	"dangjian/internal/coordination"
	"dangjian/internal/date"
)

// seedAccessCoordination names part two's records the access test aims
// at: inside 迎宾社区 (an action of its conference, its whistle, a campaign
// it runs) and outside it, in 官渡 (the same kinds of record).
func seedAccessCoordination(t testing.TB, a *testApp) {
	t.Helper()
	ctx := context.Background()
	id, err := a.App.Coordination.CreateCampaign(ctx, coordination.CampaignInput{Name: "迎宾社区灭鼠行动", Kind: "sanitation",
		AreaID: a.AreaID("迎宾社区"), StartedOn: date.MustParse("2024-05-01")})
	if err != nil {
		t.Fatalf("campaign: %v", err)
	}
	a.IDs["campaign-in"] = id
	for name, q := range map[string]string{
		"action-in": `SELECT MAX(x.id) FROM agreed_action x JOIN conference_session s ON s.id = x.session_id JOIN joint_conference c ON c.id = s.conference_id
WHERE c.name = '迎宾社区共驻共建联席会议'`,
		"action-out": `SELECT MAX(x.id) FROM agreed_action x JOIN conference_session s ON s.id = x.session_id JOIN joint_conference c ON c.id = s.conference_id
WHERE c.name = '官渡街道社区党建工作联席会议'`,
		"whistle-in":   `SELECT MAX(w.id) FROM whistle w JOIN area a ON a.id = w.area_id WHERE a.name = '迎宾社区'`,
		"whistle-out":  `SELECT MAX(w.id) FROM whistle w JOIN area a ON a.id = w.area_id WHERE a.name = '官渡社区'`,
		"campaign-out": `SELECT MAX(id) FROM campaign WHERE name = '防制狂犬病专项行动'`,
	} {
		var id int64
		if err := a.DB.Reader().QueryRowContext(ctx, q).Scan(&id); err != nil || id == 0 {
			t.Fatalf("%s: %d %v", name, id, err)
		}
		a.IDs[name] = id
	}
}
