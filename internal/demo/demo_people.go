package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/people"
	"dangjian/internal/pii"
)

// demoBranches are the community branches active today and their
// communities, with the day each branch began (as Load dates them) and,
// for a branch re-formed from a residents' branch, the branch it replaced.
type demoBranch struct {
	community, org, before string
}

var demoBranches = []demoBranch{
	{"迎宾社区", "迎宾社区党支部", "迎宾居民区党支部"},
	{"宾南社区", "宾南社区党支部", "宾南居民区党支部"},
	{"河滨社区", "河滨社区党支部", "河滨居民区党支部"},
	{"东湖社区", "东湖社区党支部", "东湖居民区党支部"},
	{"望江社区", "望江社区党支部", "望江居民区党支部"},
	{"金色家园社区", "金色家园社区党支部", ""},
	{"官渡社区", "官渡社区党支部", "官渡居民区党支部"},
	{"渡口社区", "渡口社区党支部", "渡口居民区党支部"},
	{"新桥社区", "新桥居民区党支部", ""},
	{"古井社区", "古井居民区党支部", ""},
	{"新华东社区", "新华东社区党支部", ""},
	{"书院社区", "书院社区党支部", "书院居民区党支部"},
	{"文昌社区", "文昌居民区党支部", ""},
	{"育才社区", "育才居民区党支部", ""},
	{"和平社区", "和平居民区党支部", ""},
	{"红旗社区", "红旗居民区党支部", ""},
	{"红星路社区", "红星居民区党支部", ""},
	{"胜利社区", "胜利居民区党支部", ""},
	{"建设社区", "建设居民区党支部", ""},
	{"西湖社区", "西湖居民区党支部", ""},
	{"荷塘社区", "荷塘居民区党支部", ""},
	{"滨湖新城社区", "滨湖新城社区党支部", ""},
	{"南山社区", "南山居民区党支部", ""},
	{"松林社区", "松林居民区党支部", ""},
	{"竹园社区", "竹园居民区党支部", ""},
}

// demoUnit is a stationed unit of the demo district (all names fictional),
// with its own party organisation when org is set.
type demoUnit struct {
	name      string
	kind      people.UnitKind
	rank      people.Rank
	community string
	back      int // years before this one it was recorded
	org       string
	orgKind   string
}

var demoUnits = []demoUnit{
	// The units stationed in 迎宾社区 whose leaders the branch elected.
	{"示范市委党校", people.PartyGovernmentOrgan, people.Division, "迎宾社区", 5, "示范市委党校机关党委", "committee"},
	{"示范市房管所", people.PublicInstitution, people.Section, "迎宾社区", 5, "示范市房管所党支部", "branch"},
	{"示范区房管所", people.PublicInstitution, people.Section, "迎宾社区", 5, "示范区房管所党支部", "branch"},
	{"示范市规划设计院", people.PublicInstitution, people.Division, "迎宾社区", 4, "示范市规划设计院党支部", "branch"},
	{"示范市供水公司迎宾营业所", people.StateEnterprise, people.Section, "迎宾社区", 3, "", ""},
	{"示范宾馆有限公司", people.PrivateEnterprise, people.NoRank, "迎宾社区", 2, "", ""},
	// Elsewhere in the district.
	{"示范区人民医院", people.PublicInstitution, people.Division, "宾南社区", 5, "示范区人民医院党委", "committee"},
	{"示范市园林局", people.PartyGovernmentOrgan, people.Division, "河滨社区", 5, "示范市园林局机关党委", "committee"},
	{"示范商贸有限公司", people.PrivateEnterprise, people.NoRank, "官渡社区", 3, "示范商贸有限公司党支部", "branch"},
	{"示范区社会工作协会", people.SocialOrganisation, people.NoRank, "书院社区", 2, "", ""},
	{"示范市测绘院", people.PublicInstitution, people.Section, "新华东社区", 2, "示范市测绘院党支部", "branch"},
	{"示范区第二小学", people.PublicInstitution, people.Section, "红旗社区", 4, "示范区第二小学党支部", "branch"},
	{"示范区粮油公司", people.StateEnterprise, people.Section, "胜利社区", 5, "", ""},
}

// loadPeople records the people of the demo district through people.Store,
// so every rule of the Store applies: members of every community branch
// (resident, retired, in-service, floating; full and probationary), this
// year's enrolments and transfers, stationed units (those of 迎宾社区 whose
// leaders 迎宾社区党支部 elected as concurrent members at its general
// election late last year), leadership terms with a secretary who is also
// the residents' committee director in several communities, and dual
// registration of in-service members and of units' organisations.
//
// With keys nil the people are recorded without ID and phone numbers, so
// nothing is encrypted and any key reads the data; with keys, each person
// gets a fictional ID number (region 4499xx, see people_fake.go) and a
// fictional phone number, encrypted under keys.
func loadPeople(ctx context.Context, b *builder, keys *pii.Keyring, on func(back int, m time.Month, d int) date.Date) error {
	if b.err != nil {
		return b.err
	}
	p := &peopleBuilder{
		ctx: ctx, b: b, on: on, keys: keys, ids: newIDAlloc(), rng: rand.New(rand.NewPCG(2024, 7)),
		s:       &people.Store{DB: b.s.DB, Areas: b.s, Keys: keys, Today: b.s.Today},
		members: map[string][]int64{}, units: map[string]int64{}, unitOrgs: map[string]int64{},
	}
	cats := []people.Category{people.Resident, people.Retired, people.InService, people.Floating, people.Retired}
	// Four members in every branch: two enrolled in the branch itself over
	// the past years; in a re-formed branch the other two came over from the
	// residents' branch it replaced on the re-formation day, elsewhere they
	// transferred in from outside. The last joined the party last year and
	// is still probationary.
	for i, br := range demoBranches {
		for k := range 4 {
			in := people.MembershipInput{
				OrgID: b.ids[br.org], Category: cats[(i+k)%len(cats)], Status: people.Full,
				Reason: people.Enrolment, From: p.after(br.org, on(3-k%3, time.Month(3+k*2), 1+(10+i)%28)),
			}
			switch k {
			case 1:
				in.Reason, in.FromOrgName = people.TransferIn, "示范市第"+num(i%5+1)+"中学党支部"
			case 3:
				in.Status, in.Reason, in.From = people.Probationary, people.Joined, p.after(br.org, on(1, 9, 1+i))
			}
			moved := br.before != "" && k%2 == 0
			if moved {
				in.OrgID, in.From = b.ids[br.before], on(4, time.Month(2+k), 15)
			}
			id, mid := p.enrol(in)
			if moved {
				p.transfer(mid, br.org, p.start(br.org))
			}
			p.members[br.org] = append(p.members[br.org], id)
		}
	}

	// This year: members enrolled into community branches (新纳入管理),
	// one transferred in from outside, one moved between branches, one
	// probationary member made full; one left for an organisation outside.
	for _, org := range []string{"迎宾社区党支部", "迎宾社区党支部", "滨湖新城社区党支部", "滨湖新城社区党支部", "金色家园社区党支部"} {
		id, _ := p.enrol(people.MembershipInput{OrgID: b.ids[org], Category: people.Resident, Status: people.Full,
			Reason: people.Enrolment, From: p.after(org, on(0, 1, 10)), Note: "应接收的党员纳入社区党支部管理"})
		p.members[org] = append(p.members[org], id)
	}
	p.enrol(people.MembershipInput{OrgID: b.ids["宾南社区党支部"], Category: people.Retired, Status: people.Full,
		Reason: people.TransferIn, FromOrgName: "示范市机械厂退休党支部", From: on(0, 1, 12)})
	_, moving := p.enrol(people.MembershipInput{OrgID: b.ids["河滨社区党支部"], Category: people.Resident, Status: people.Full,
		Reason: people.Enrolment, From: on(1, 5, 20)})
	p.transfer(moving, "迎宾社区党支部", on(0, 1, 15))
	_, prob := p.enrol(people.MembershipInput{OrgID: b.ids["东湖社区党支部"], Category: people.Resident, Status: people.Probationary,
		Reason: people.Joined, From: on(1, 6, 1)})
	p.do("convert", func() error { return p.s.Convert(ctx, people.ConvertInput{MembershipID: prob, On: on(0, 6, 15)}) })
	_, leaving := p.enrol(people.MembershipInput{OrgID: b.ids["书院社区党支部"], Category: people.InService, Status: people.Full,
		Reason: people.Enrolment, From: on(1, 5, 1)})
	p.do("end membership", func() error {
		return p.s.End(ctx, people.EndInput{MembershipID: leaving, On: on(0, 1, 20), Reason: people.TransferOut, ToOrgName: "示范省交通厅机关党委"})
	})
	_, died := p.enrol(people.MembershipInput{OrgID: b.ids["红旗居民区党支部"], Category: people.Retired, Status: people.Full,
		Reason: people.Enrolment, From: on(4, 3, 1)})
	p.do("end membership", func() error {
		return p.s.End(ctx, people.EndInput{MembershipID: died, On: on(1, 8, 8), Reason: people.Died})
	})

	// Stationed units, their own party organisations, and the
	// organisations' registration with the community they are in.
	for _, u := range demoUnits {
		since := p.unitStart(u)
		p.do("unit "+u.name, func() (err error) {
			p.units[u.name], err = p.s.CreateUnit(ctx, people.UnitInput{Name: u.name, Kind: u.kind, Rank: u.rank, AreaID: b.ids[u.community], On: since})
			return err
		})
		if u.org == "" {
			continue
		}
		p.do("unit org "+u.org, func() (err error) {
			p.unitOrgs[u.name], err = p.s.CreateUnitOrg(ctx, people.UnitOrgInput{UnitID: p.units[u.name], Kind: u.orgKind, Name: u.org, On: since})
			return err
		})
		p.do("register "+u.org, func() error {
			_, err := p.s.Register(ctx, people.RegistrationInput{Kind: people.UnitRegistration, OrgID: p.unitOrgs[u.name],
				AreaID: b.ids[u.community], From: later(since, on(1, 3, 1))})
			return err
		})
	}
	p.do("move unit", func() error {
		return p.s.MoveUnit(ctx, people.MoveUnitInput{UnitID: p.units["示范商贸有限公司"], AreaID: b.ids["渡口社区"], On: on(0, 3, 1)})
	})
	p.do("end unit", func() error {
		return p.s.EndUnit(ctx, people.EndUnitInput{UnitID: p.units["示范区粮油公司"], On: on(1, 9, 30), Note: "改制撤销"})
	})

	// The units' leaders, members of their units' organisations, each
	// registered with the community they live in (双报到).
	leaders := map[string]int64{}
	for i, x := range []struct{ unit, home string }{
		{"示范市委党校", "迎宾社区"}, {"示范市房管所", "宾南社区"}, {"示范区房管所", "河滨社区"},
		{"示范区人民医院", "宾南社区"}, {"示范市园林局", "东湖社区"}, {"示范市测绘院", "书院社区"},
	} {
		var u demoUnit
		for _, d := range demoUnits {
			if d.name == x.unit {
				u = d
			}
		}
		id, _ := p.enrol(people.MembershipInput{OrgID: p.unitOrgs[x.unit], Category: people.InService, Status: people.Full,
			Reason: people.TransferIn, FromOrgName: "示范市直机关工委", From: p.unitStart(u)})
		leaders[x.unit] = id
		from := on(1, 3, 5)
		if i >= 4 {
			from = on(0, 1, 15)
		}
		p.do("register member", func() error {
			_, err := p.s.Register(ctx, people.RegistrationInput{Kind: people.MemberRegistration, PersonID: id, AreaID: b.ids[x.home],
				From: later(p.unitStart(u).AddDays(1), from)})
			return err
		})
	}

	// Leadership: general elections with the secretary also elected the
	// residents' committee director (交叉任职) in several communities; 迎宾社区
	// elected the leaders of three units stationed in it as concurrent
	// members late last year.
	elect := func(org, community string, on date.Date, director int, concurrent ...string) {
		ms := p.members[org]
		posts := []people.PostInput{
			{PersonID: ms[0], Role: people.Secretary},
			{PersonID: ms[1], Role: people.DeputySecretary},
			{PersonID: ms[2], Role: people.Member},
		}
		for _, u := range concurrent {
			posts = append(posts, people.PostInput{PersonID: leaders[u], Role: people.ConcurrentMember, UnitID: p.units[u]})
		}
		p.do("elect "+org, func() error {
			_, err := p.s.Elect(ctx, people.ElectionInput{OrgID: b.ids[org], ElectedOn: on, ExpectedVoters: 40 + len(ms),
				PresentVoters: 38 + len(ms), VotesCast: 37 + len(ms), Note: "换届选举", Posts: posts})
			return err
		})
		p.do("director of "+community, func() error {
			_, err := p.s.Appoint(ctx, people.PostInput{PersonID: ms[director], Role: people.Director, AreaID: b.ids[community], From: on})
			return err
		})
	}
	elect("迎宾社区党支部", "迎宾社区", on(1, 11, 20), 0, "示范市委党校", "示范市房管所", "示范区房管所")
	elect("宾南社区党支部", "宾南社区", on(1, 6, 18), 0, "示范区人民医院")
	elect("官渡社区党支部", "官渡社区", on(1, 6, 25), 0)
	elect("书院社区党支部", "书院社区", on(1, 7, 2), 0, "示范市测绘院")
	elect("河滨社区党支部", "河滨社区", on(1, 7, 9), 2) // the director is not the secretary
	elect("望江社区党支部", "望江社区", on(0, 3, 20), 0)
	if p.err != nil {
		return p.err
	}
	return loadCoordination(ctx, b, p.units, on)
}

// num spells 1–5 in Chinese.
func num(i int) string { return []string{"", "一", "二", "三", "四", "五"}[i] }

// later returns the later of two dates.
func later(a, b date.Date) date.Date {
	if a.After(b) {
		return a
	}
	return b
}

// peopleBuilder records the first error and skips the rest, as builder does.
type peopleBuilder struct {
	ctx      context.Context
	b        *builder
	s        *people.Store
	keys     *pii.Keyring
	ids      *idAlloc
	rng      *rand.Rand
	on       func(back int, m time.Month, d int) date.Date
	n        int
	members  map[string][]int64 // person ids by branch, in order
	units    map[string]int64
	unitOrgs map[string]int64
	err      error
}

func (p *peopleBuilder) do(what string, f func() error) {
	if p.err != nil {
		return
	}
	if err := f(); err != nil {
		p.err = fmt.Errorf("demo: %s: %w", what, err)
	}
}

// start is the day an organisation of the demo began.
func (p *peopleBuilder) start(org string) date.Date {
	var since date.Date
	p.do("org "+org, func() error {
		return p.s.DB.Reader().QueryRowContext(p.ctx, "SELECT started_on FROM party_org WHERE id = ?", p.b.ids[org]).Scan(&since)
	})
	return since
}

// after returns d, or the organisation's first day when d is before it.
func (p *peopleBuilder) after(org string, d date.Date) date.Date { return later(p.start(org), d) }

func (p *peopleBuilder) unitStart(u demoUnit) date.Date {
	return later(p.on(u.back, 2, 1), p.after(demoCommunityBranch(u.community), p.on(u.back, 2, 1)))
}

// demoCommunityBranch names the branch of a community (for its first day).
func demoCommunityBranch(community string) string {
	for _, b := range demoBranches {
		if b.community == community {
			if b.before != "" {
				return b.before
			}
			return b.org
		}
	}
	return ""
}

// enrol records a new fictional person with their first membership; the
// joining date is a few years before the membership begins (last year for
// a probationary member, who has not yet been made full).
func (p *peopleBuilder) enrol(in people.MembershipInput) (personID, membershipID int64) {
	if p.err != nil {
		return 0, 0
	}
	p.n++
	male := p.n%2 == 1
	gender := people.Female
	if male {
		gender = people.Male
	}
	born := date.New(1950+p.rng.IntN(46), time.Month(1+p.rng.IntN(12)), 1+p.rng.IntN(28))
	joined := date.New(born.Year()+22+p.rng.IntN(8), time.Month(1+p.rng.IntN(12)), 1+p.rng.IntN(28))
	if in.Status == people.Probationary {
		// Joined the party the day the membership began, within the year.
		joined = in.From
		born = date.New(joined.Year()-25, born.Time().Month(), born.Time().Day())
	} else if joined.After(in.From) {
		joined = in.From.AddDays(-400)
	}
	in.JoinedPartyOn = joined
	if in.Status == people.Full && p.n%3 == 0 {
		in.FullOn = joined.AddDays(366)
		if in.FullOn.After(in.From) {
			in.FullOn = date.Date{}
		}
	}
	person := people.PersonInput{
		Name: fakeName(p.rng), Gender: gender, Ethnicity: ethnicities[p.n%len(ethnicities)], BirthDate: born,
		Education: educations[p.n%len(educations)], Address: "示范区" + num(p.n%5+1) + "号院",
	}
	if p.keys != nil {
		id, err := p.ids.id(born, male)
		if err != nil {
			p.err = err
			return 0, 0
		}
		person.IDNumber, person.Phone = id, fakePhone(p.n)
	}
	p.do("enrol", func() (err error) {
		personID, membershipID, err = p.s.Enrol(p.ctx, people.EnrolInput{Person: person, Membership: in})
		return err
	})
	return personID, membershipID
}

// transfer moves the member of membership id to org on on.
func (p *peopleBuilder) transfer(id int64, org string, on date.Date) {
	p.do("transfer to "+org, func() error {
		_, err := p.s.Transfer(p.ctx, people.TransferInput{MembershipID: id, ToOrgID: p.b.ids[org], On: on})
		return err
	})
}
