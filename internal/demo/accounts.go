package demo

import (
	"context"

	"dangjian/internal/area"
	"dangjian/internal/auth"
)

// Credential is a demo account and its one-time password, printed once.
type Credential struct {
	Username, Role, Area, Password string
}

// demoAccounts are the people of the demo district, one per kind of user.
var demoAccounts = []struct {
	username, display string
	role              auth.Role
	area              string // "" for roles without an area
}{
	{"qu.zhang", "张区办", auth.District, "示范区"},
	{"hedong.li", "李街道", auth.Subdistrict, "河东街道"},
	{"yingbin.wang", "王书记", auth.Community, "迎宾社区"},
	{"guandu.chen", "陈书记", auth.Community, "官渡社区"},
	{"jiancha.zhao", "赵检查", auth.Viewer, "示范区"},
	{"shenji.liu", "刘审计", auth.Auditor, ""},
}

// Accounts creates the demo district's accounts, each with a random
// one-time password that must be changed at first sign-in. There are no
// fixed demo passwords: a demo database is as safe to expose as any other.
func Accounts(ctx context.Context, as *auth.Store, areas *area.Store) ([]Credential, error) {
	var out []Credential
	for _, d := range demoAccounts {
		var areaID int64
		if d.area != "" {
			a, err := areas.Find(ctx, d.area)
			if err != nil {
				return out, err
			}
			areaID = a.ID
		}
		_, pw, err := as.Create(ctx, auth.NewAccount{Username: d.username, DisplayName: d.display, Role: d.role, AreaID: areaID})
		if err != nil {
			return out, err
		}
		out = append(out, Credential{Username: d.username, Role: string(d.role), Area: d.area, Password: pw})
	}
	return out, nil
}
