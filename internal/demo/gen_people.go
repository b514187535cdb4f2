package demo

import (
	"math/rand/v2"
	"strconv"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/people"
)

// The people of the generated tree: stationed units with their own party
// organisations, moves and ends; members with ten years of memberships
// (enrolments, transfers in from outside and between branches, ends);
// leadership terms with their posts (secretaries, deputies, members,
// concurrent members from units, residents' committee directors, who are
// often the secretary); dual registration of in-service members and of
// units' organisations.
//
// As for the areas, every row is one people.Store would write for the same
// operation (mirrored method by method below; TestGenerateMatchesStore
// replays the operations through people.Store and compares the tables).
// The planner works community by community and hands the rows to the writer
// in chunks, so even the province tier's six million members never sit in
// memory at once.

type genPerson struct {
	id                      int64
	name                    string
	gender                  people.Gender
	ethnicity               string
	birth                   date.Date
	idNumber, phone         string // plain; encrypted when written
	education               people.Education
	address                 string
	idEnc, idHash, phoneEnc string // filled by seal
	_                       struct{}
}

type genMembership struct {
	id, person, org          int64
	status                   people.Status
	category                 people.Category
	joined, fullOn, from, to date.Date
	startReason              people.StartReason
	endReason                people.EndReason
	fromOrgName, toOrgName   string
	previous                 int64
	note                     string
}

type genUnit struct {
	id             int64
	name           string
	kind           people.UnitKind
	rank           people.Rank
	started, ended date.Date
	org            int64 // its own organisation, 0 if none
	orgStarted     date.Date
	locs           []genLoc // in date order; the last is open
}

type genLoc struct {
	area     int64
	from, to date.Date
}

type genTerm struct {
	id, org                  int64
	number                   int
	elected                  date.Date
	expected, present, votes int
	started, ended           date.Date
	note                     string
}

type genPost struct {
	id, person            int64
	role                  people.Role
	org, area, term, unit int64
	from, to              date.Date
	endNote               string
}

type genRegistration struct {
	id          int64
	kind        people.RegistrationKind
	person, org int64
	area        int64
	from, to    date.Date
	note        string
}

// peopleOp is one recorded people.Store call, kept only when the planner
// records (the replay test), with the ids it established.
type peopleOp struct {
	kind     string
	enrol    people.EnrolInput
	transfer people.TransferInput
	end      people.EndInput
	unit     people.UnitInput
	unitOrg  people.UnitOrgInput
	move     people.MoveUnitInput
	endUnit  people.EndUnitInput
	elect    people.ElectionInput
	appoint  people.PostInput
	endPost  people.EndPostInput
	register people.RegistrationInput
	ids      []int64
}

// peopleChunk is the rows of a run of communities, written together.
type peopleChunk struct {
	persons       []genPerson
	memberships   []genMembership
	terms         []genTerm
	posts         []genPost
	registrations []genRegistration
}

// peoplePlanner plans the people of a planned tree.
type peoplePlanner struct {
	m            *memDB
	rng          *rand.Rand
	today, start date.Date
	members      int // people to record
	ids          *idAlloc
	record       bool
	ops          []peopleOp

	comms    []int64         // communities active today with an organisation
	orgOf    map[int64]int64 // their organisation active today
	orgList  []int64         // those organisations, for transfers
	units    []genUnit
	unitsIn  map[int64][]int // unit indexes by their community today
	unitOrgs []memOrg        // units' organisations, ids after the tree's
	orgEvts  []memOrgEvent   // their events, ids after the tree's

	nextPerson, nextMembership, nextTerm, nextPost, nextReg int64
	chunk                                                   *peopleChunk
	unitMembers                                             map[int64][]int64 // unit org → persons in it (current chunk)
}

func newPeoplePlanner(m *memDB, seed uint64, today, start date.Date, members int) *peoplePlanner {
	return &peoplePlanner{
		m: m, rng: rand.New(rand.NewPCG(seed^0x70e0e1e, seed+17)), today: today, start: start, members: members,
		ids: newIDAlloc(), orgOf: map[int64]int64{}, unitsIn: map[int64][]int{},
	}
}

func days(a, b date.Date) int { return int(b.Time().Sub(a.Time()).Hours() / 24) }

// between returns a day in [a, b] (a when b is before a).
func (p *peoplePlanner) between(a, b date.Date) date.Date {
	n := days(a, b)
	if n <= 0 {
		return a
	}
	return a.AddDays(p.rng.IntN(n + 1))
}

// early returns a day in [a, b], nearer a: a + (b-a)·u² for u uniform.
func (p *peoplePlanner) early(a, b date.Date) date.Date {
	n := days(a, b)
	if n <= 0 {
		return a
	}
	u := p.rng.Float64()
	return a.AddDays(int(float64(n+1) * u * u))
}

func (p *peoplePlanner) op(o peopleOp) {
	if p.record {
		p.ops = append(p.ops, o)
	}
}

// orgActive mirrors the Store's requireActive for a tree organisation.
func (p *peoplePlanner) org(id int64) memOrg {
	if int(id) <= len(p.m.orgs) {
		return p.m.orgs[id-1]
	}
	return p.unitOrgs[int(id)-len(p.m.orgs)-1]
}

// prepare lists the communities active today with a community-level
// organisation active today, which members are enrolled into.
func (p *peoplePlanner) prepare() {
	for _, o := range p.m.orgs {
		if !o.ended.IsZero() || o.kind == area.Committee || o.kind == area.WorkingCommittee {
			continue
		}
		a := p.m.area(o.area)
		if a.level != area.Community || !a.ended.IsZero() {
			continue
		}
		if _, ok := p.orgOf[o.area]; ok {
			continue
		}
		p.orgOf[o.area] = o.id
		p.comms = append(p.comms, o.area)
		p.orgList = append(p.orgList, o.id)
	}
}

// planUnits plans n stationed units in the communities active today: each
// recorded on a day its community existed, two in five with their own
// party organisation, one in twenty moved to another community, one in
// twenty-five ended.
func (p *peoplePlanner) planUnits(n int) {
	var all []int64 // communities active today
	for i := range p.m.areas {
		a := &p.m.areas[i]
		if a.level == area.Community && a.ended.IsZero() {
			all = append(all, a.id)
		}
	}
	if len(all) == 0 {
		return
	}
	nextOrg := int64(len(p.m.orgs) + 1)
	nextEvt := int64(len(p.m.orgEvents) + 1)
	for i := range n {
		c := all[i%len(all)]
		est := p.m.area(c).established
		kind := people.UnitKinds[p.rng.IntN(len(people.UnitKinds))]
		u := genUnit{id: int64(i + 1), name: p.unitName(kind), kind: kind}
		switch r := p.rng.IntN(10); {
		case r < 2:
			u.rank = people.Division
		case r < 6:
			u.rank = people.Section
		default:
			u.rank = people.NoRank
		}
		u.started = p.between(later(est, p.start), p.today.AddDays(-30))
		u.locs = []genLoc{{area: c, from: u.started}}
		p.op(peopleOp{kind: "unit", unit: people.UnitInput{Name: u.name, Kind: u.kind, Rank: u.rank, AreaID: c, On: u.started}, ids: []int64{u.id}})
		if p.rng.IntN(5) < 2 {
			u.org, u.orgStarted = nextOrg, p.between(u.started, u.started.AddDays(400))
			if u.orgStarted.After(p.today) {
				u.orgStarted = p.today
			}
			kind := area.Branch
			if u.rank == people.Division {
				kind = area.Committee
			}
			name := u.name + "党支部"
			if kind == area.Committee {
				name = u.name + "党委"
			}
			p.unitOrgs = append(p.unitOrgs, memOrg{id: nextOrg, name: name, kind: kind, started: u.orgStarted})
			p.orgEvts = append(p.orgEvts, memOrgEvent{id: nextEvt, kind: "create", on: u.orgStarted, org: nextOrg})
			p.op(peopleOp{kind: "unit_org", unitOrg: people.UnitOrgInput{UnitID: u.id, Kind: string(kind), Name: name, On: u.orgStarted}, ids: []int64{nextOrg}})
			nextOrg++
			nextEvt++
		}
		last := later(u.started, u.orgStarted)
		if p.rng.IntN(20) == 0 && days(last, p.today) > 2 {
			on := p.between(last.AddDays(1), p.today)
			to := all[p.rng.IntN(len(all))]
			if to != c && !p.m.area(to).established.After(on) {
				u.locs[0].to = on
				u.locs = append(u.locs, genLoc{area: to, from: on})
				p.op(peopleOp{kind: "move", move: people.MoveUnitInput{UnitID: u.id, AreaID: to, On: on}})
				last = on
			}
		}
		if p.rng.IntN(25) == 0 && days(last, p.today) > 2 {
			on := p.between(last.AddDays(1), p.today)
			u.ended = on
			if u.org != 0 {
				o := &p.unitOrgs[int(u.org)-len(p.m.orgs)-1]
				o.ended = on
				p.orgEvts = append(p.orgEvts, memOrgEvent{id: nextEvt, kind: "dissolve", on: on, org: u.org, note: "unit ended"})
				nextEvt++
			}
			p.op(peopleOp{kind: "end_unit", endUnit: people.EndUnitInput{UnitID: u.id, On: on}})
		}
		p.units = append(p.units, u)
		here := u.locs[len(u.locs)-1].area
		p.unitsIn[here] = append(p.unitsIn[here], i)
	}
}

var unitSuffixes = map[people.UnitKind][]string{
	people.PartyGovernmentOrgan: {"街道办事处", "税务所", "市场监管所", "房管所", "司法所", "派出所"},
	people.PublicInstitution:    {"中学", "小学", "卫生服务中心", "医院", "图书馆", "文化馆", "设计院"},
	people.StateEnterprise:      {"供电所", "供水公司营业所", "燃气公司", "邮政支局", "银行支行", "公交公司"},
	people.PrivateEnterprise:    {"商贸有限公司", "物业服务有限公司", "科技有限公司", "餐饮有限公司", "建材有限公司"},
	people.SocialOrganisation:   {"志愿者协会", "老年协会", "商会", "社会工作服务中心"},
}

// unitName returns a fictional name of a unit of kind k, e.g. "松林供电所".
func (p *peoplePlanner) unitName(k people.UnitKind) string {
	stem := nameHeads[p.rng.IntN(len(nameHeads))] + nameTails[p.rng.IntN(len(nameTails))]
	s := unitSuffixes[k]
	return stem + s[p.rng.IntN(len(s))]
}

// unitActive mirrors Unit.requireActive.
func (u *genUnit) active(on date.Date) bool {
	return !on.Before(u.started) && (u.ended.IsZero() || on.Before(u.ended))
}

// plan runs the people of every community through emit, a chunk of about
// chunkPersons people at a time.
func (p *peoplePlanner) plan(chunkPersons int, emit func(*peopleChunk) error) error {
	p.nextPerson, p.nextMembership, p.nextTerm, p.nextPost, p.nextReg = 1, 1, 1, 1, 1
	p.chunk = &peopleChunk{}
	p.unitMembers = map[int64][]int64{}
	left := p.members
	for i, c := range p.comms {
		// An even share of the members still to place, ±30%.
		share := left / (len(p.comms) - i)
		n := share
		if i < len(p.comms)-1 && share > 4 {
			n = share*7/10 + p.rng.IntN(share*6/10+1)
		}
		n = min(n, left)
		left -= n
		if err := p.community(c, n); err != nil {
			return err
		}
		if len(p.chunk.persons) >= chunkPersons {
			if err := emit(p.chunk); err != nil {
				return err
			}
			p.chunk = &peopleChunk{}
			p.unitMembers = map[int64][]int64{}
		}
	}
	if err := p.unitRegistrations(); err != nil {
		return err
	}
	return emit(p.chunk)
}

// community plans n members of community c (nine in ten in its branch, the
// rest in the organisations of units located there), their registrations,
// and the branch's terms and posts.
func (p *peoplePlanner) community(c int64, n int) error {
	org := p.orgOf[c]
	var unitOrgs []int64
	for _, ui := range p.unitsIn[c] {
		if u := p.units[ui]; u.org != 0 && u.ended.IsZero() {
			unitOrgs = append(unitOrgs, u.org)
		}
	}
	var branch []int64
	for k := range n {
		target, inUnit := org, false
		if len(unitOrgs) > 0 && k%10 == 9 {
			target, inUnit = unitOrgs[p.rng.IntN(len(unitOrgs))], true
		}
		person, open, err := p.member(c, target, inUnit)
		if err != nil {
			return err
		}
		if open == nil {
			continue
		}
		if inUnit {
			p.unitMembers[target] = append(p.unitMembers[target], person)
		} else {
			branch = append(branch, person)
		}
	}
	p.terms(c, org, branch)
	return nil
}

// member plans one person and their memberships, ending in target (or
// ended before today); it returns the person and their open membership.
func (p *peoplePlanner) member(c, target int64, inUnit bool) (int64, *genMembership, error) {
	t := p.org(target)
	age := 20 + p.rng.IntN(66)
	born := p.today.AddDays(-age*365 - p.rng.IntN(365))
	male := p.rng.IntN(2) == 0
	joinedAge := 18 + p.rng.IntN(max(1, min(age-18, 40)))
	joined := born.AddDays(joinedAge*365 + 10 + p.rng.IntN(300))
	if joined.After(p.today) {
		joined = p.today
	}
	// Eight in ten members of a re-formed branch were members of the
	// branch it replaced (and of that one's predecessor, …) and came over
	// on the re-formation day, as people.Store records it: a transfer.
	// chain lists the target and its predecessors, newest first.
	chain := []int64{target}
	if !inUnit && t.predecessor != 0 && p.rng.IntN(10) < 8 {
		for o := t.predecessor; o != 0; o = p.org(o).predecessor {
			chain = append(chain, o)
		}
	}
	// The first membership starts in the ten years, after joining and
	// after the first organisation of the chain began; most began early
	// (the square of a uniform draw).
	first := p.early(later(later(p.start, joined), p.org(chain[len(chain)-1]).started), p.today)
	at := len(chain) - 1 // the organisation of the chain active on first
	for at > 0 && !first.Before(p.org(chain[at-1]).started) {
		at--
	}
	cat := people.InService
	if !inUnit {
		switch r := p.rng.IntN(100); {
		case r < 40:
			cat = people.Resident
		case r < 70:
			cat = people.Retired
			if age < 55 {
				cat = people.Resident
			}
		case r < 92:
			cat = people.InService
		default:
			cat = people.Floating
		}
	}
	status, fullOn := people.Full, date.Date{}
	if days(joined, p.today) < 365 && p.rng.IntN(2) == 0 {
		status = people.Probationary
	} else if joined.After(p.start) {
		fullOn = joined.AddDays(365)
		if fullOn.After(p.today) {
			fullOn = date.Date{}
		}
	}
	reason, fromOrg := people.Enrolment, ""
	switch r := p.rng.IntN(10); {
	case first == joined:
		reason = people.Joined
	case r < 4:
		reason, fromOrg = people.TransferIn, "外地党组织"
	case r == 9:
		reason = people.OtherStart
	}
	gender := people.Female
	if male {
		gender = people.Male
	}
	pr := genPerson{
		id: p.nextPerson, name: fakeName(p.rng), gender: gender, ethnicity: ethnicities[p.rng.IntN(len(ethnicities))], birth: born,
		education: educations[p.rng.IntN(len(educations))], address: p.m.area(c).name + strconv.Itoa(1+p.rng.IntN(99)) + "号",
	}
	if p.rng.IntN(20) > 0 {
		id, err := p.ids.id(born, male)
		if err != nil {
			return 0, nil, err
		}
		pr.idNumber = id
	}
	if p.rng.IntN(10) > 0 {
		pr.phone = fakePhone(int(p.nextPerson))
	}
	p.nextPerson++
	p.chunk.persons = append(p.chunk.persons, pr)

	// One in twelve began in another branch and transferred here.
	startOrg := chain[at]
	var moveOn date.Date
	if at == 0 && !inUnit && p.rng.IntN(12) == 0 && days(first, p.today) > 30 {
		o := p.orgList[p.rng.IntN(len(p.orgList))]
		if o != target && !p.org(o).started.After(first) {
			startOrg = o
			moveOn = p.between(first.AddDays(1), p.today)
			if moveOn.Before(t.started) || !moveOn.After(first) {
				startOrg, moveOn = target, date.Date{}
			}
		}
	}
	in := people.MembershipInput{PersonID: pr.id, OrgID: startOrg, Status: status, Category: cat, JoinedPartyOn: joined,
		FullOn: fullOn, From: first, Reason: reason, FromOrgName: fromOrg}
	m := p.startIn(in, 0)
	p.op(peopleOp{kind: "enrol", enrol: people.EnrolInput{Person: pr.input(), Membership: in}, ids: []int64{pr.id, m.id}})
	if !moveOn.IsZero() {
		m = p.transfer(m, target, moveOn)
	}
	for j := at - 1; j >= 0; j-- {
		m = p.transfer(m, chain[j], p.org(chain[j]).started)
	}
	// One in sixteen has left since: transferred out of the system, died
	// or left.
	if p.rng.IntN(16) == 0 && days(m.from, p.today) > 2 {
		on := p.between(m.from.AddDays(1), p.today)
		e := people.EndInput{MembershipID: m.id, On: on, Reason: people.TransferOut, ToOrgName: "外区党组织"}
		switch p.rng.IntN(10) {
		case 0, 1, 2:
			e.Reason, e.ToOrgName = people.Died, ""
		case 3:
			e.Reason, e.ToOrgName = people.Left, ""
		}
		p.end(m, e)
		return pr.id, nil, nil
	}
	// In-service members register with the community they live in.
	if m.category == people.InService && p.rng.IntN(10) < 4 {
		from := p.between(m.from, p.today)
		if !from.Before(p.m.area(c).established) {
			p.register(people.RegistrationInput{Kind: people.MemberRegistration, PersonID: pr.id, AreaID: c, From: from})
		}
	}
	return pr.id, m, nil
}

// input is the PersonInput the Store would be given for this person.
func (g genPerson) input() people.PersonInput {
	in := people.PersonInput{Name: g.name, Gender: g.gender, Ethnicity: g.ethnicity, BirthDate: g.birth, IDNumber: g.idNumber,
		Phone: g.phone, Education: g.education, Address: g.address}
	return in
}

// startIn mirrors Store.startIn: a new membership row.
func (p *peoplePlanner) startIn(in people.MembershipInput, previous int64) *genMembership {
	p.chunk.memberships = append(p.chunk.memberships, genMembership{
		id: p.nextMembership, person: in.PersonID, org: in.OrgID, status: in.Status, category: in.Category, joined: in.JoinedPartyOn,
		fullOn: in.FullOn, from: in.From, startReason: in.Reason, fromOrgName: in.FromOrgName, previous: previous, note: in.Note,
	})
	p.nextMembership++
	return &p.chunk.memberships[len(p.chunk.memberships)-1]
}

// transfer mirrors Store.Transfer; m must be the last membership planned.
func (p *peoplePlanner) transfer(m *genMembership, to int64, on date.Date) *genMembership {
	dest := p.org(to)
	m.to, m.endReason, m.toOrgName = on, people.TransferOut, dest.name
	from := p.org(m.org)
	in := people.MembershipInput{PersonID: m.person, OrgID: to, Status: m.status, Category: m.category, JoinedPartyOn: m.joined,
		FullOn: m.fullOn, From: on, Reason: people.TransferIn, FromOrgName: from.name}
	prev := m.id
	p.op(peopleOp{kind: "transfer", transfer: people.TransferInput{MembershipID: prev, ToOrgID: to, On: on}, ids: []int64{p.nextMembership}})
	return p.startIn(in, prev)
}

// end mirrors Store.End.
func (p *peoplePlanner) end(m *genMembership, e people.EndInput) {
	m.to, m.endReason, m.toOrgName = e.On, e.Reason, e.ToOrgName
	p.op(peopleOp{kind: "end", end: e})
}

// register mirrors Store.Register (one registration per person or org).
func (p *peoplePlanner) register(in people.RegistrationInput) {
	p.chunk.registrations = append(p.chunk.registrations, genRegistration{id: p.nextReg, kind: in.Kind, person: in.PersonID, org: in.OrgID, area: in.AreaID, from: in.From})
	p.op(peopleOp{kind: "register", register: in, ids: []int64{p.nextReg}})
	p.nextReg++
}

// unitRegistrations registers seven in ten active units' organisations
// with the community their unit is located in.
func (p *peoplePlanner) unitRegistrations() error {
	for i := range p.units {
		u := &p.units[i]
		if u.org == 0 || !u.ended.IsZero() || p.rng.IntN(10) >= 7 {
			continue
		}
		l := u.locs[len(u.locs)-1]
		p.register(people.RegistrationInput{Kind: people.UnitRegistration, OrgID: u.org, AreaID: l.area, From: p.between(later(l.from, u.orgStarted), p.today)})
	}
	return nil
}

// terms plans the general elections of the branch of community c: the
// first some months after the branch began, then every three years; each
// elects a secretary (often the same again), a deputy, committee members
// and, more and more often, concurrent members from units located in the
// community. The director of the residents' committee changes with each
// election and is usually the new secretary (交叉任职).
func (p *peoplePlanner) terms(c, org int64, members []int64) {
	if len(members) < 4 {
		return
	}
	o := p.org(org)
	on := p.between(later(o.started, p.start).AddDays(30), later(o.started, p.start).AddDays(300))
	last, director := -1, -1 // indexes in the chunk
	secretary := members[p.rng.IntN(len(members))]
	number := 0
	for !on.After(p.today) {
		number++
		expected := 20 + len(members)/4 + p.rng.IntN(20)
		present := expected - p.rng.IntN(expected/10+1)
		votes := present - p.rng.IntN(2)
		t := genTerm{id: p.nextTerm, org: org, number: number, elected: on, expected: expected, present: present, votes: votes, started: on, note: "换届选举"}
		p.nextTerm++
		if last >= 0 {
			lt := &p.chunk.terms[last]
			lt.ended = on
			for i := range p.chunk.posts {
				q := &p.chunk.posts[i]
				if q.term == lt.id && q.to.IsZero() && q.from.Before(on) {
					q.to, q.endNote = on, "term ended"
				}
			}
		}
		p.chunk.terms = append(p.chunk.terms, t)
		last = len(p.chunk.terms) - 1
		if p.rng.IntN(10) < 4 {
			secretary = members[p.rng.IntN(len(members))]
		}
		picked := map[int64]bool{secretary: true}
		pick := func() int64 {
			for {
				x := members[p.rng.IntN(len(members))]
				if !picked[x] {
					picked[x] = true
					return x
				}
			}
		}
		posts := []people.PostInput{{PersonID: secretary, Role: people.Secretary}, {PersonID: pick(), Role: people.DeputySecretary}}
		for range 1 + p.rng.IntN(min(3, len(members)-3)) {
			posts = append(posts, people.PostInput{PersonID: pick(), Role: people.Member})
		}
		for _, ui := range p.unitsIn[c] {
			u := &p.units[ui]
			who := p.unitMembers[u.org]
			if u.org == 0 || len(who) == 0 || !u.active(on) || p.rng.IntN(3) > number-1 || len(posts) >= 8 {
				continue
			}
			x := who[p.rng.IntN(len(who))]
			if picked[x] {
				continue
			}
			picked[x] = true
			posts = append(posts, people.PostInput{PersonID: x, Role: people.ConcurrentMember, UnitID: u.id})
		}
		in := people.ElectionInput{OrgID: org, ElectedOn: on, ExpectedVoters: expected, PresentVoters: present, VotesCast: votes, Note: "换届选举", Posts: posts}
		ids := []int64{t.id}
		for _, x := range posts {
			p.chunk.posts = append(p.chunk.posts, genPost{id: p.nextPost, person: x.PersonID, role: x.Role, org: org, term: t.id, unit: x.UnitID, from: on})
			ids = append(ids, p.nextPost)
			p.nextPost++
		}
		p.op(peopleOp{kind: "elect", elect: in, ids: ids})
		// The director: the secretary two times in three.
		who := secretary
		if p.rng.IntN(3) == 0 {
			who = posts[1].PersonID
		}
		if director >= 0 {
			d := &p.chunk.posts[director]
			d.to, d.endNote = on, "换届"
			p.op(peopleOp{kind: "end_post", endPost: people.EndPostInput{PostID: d.id, On: on, Note: "换届"}})
		}
		p.chunk.posts = append(p.chunk.posts, genPost{id: p.nextPost, person: who, role: people.Director, area: c, from: on})
		p.op(peopleOp{kind: "appoint", appoint: people.PostInput{PersonID: who, Role: people.Director, AreaID: c, From: on}, ids: []int64{p.nextPost}})
		p.nextPost++
		director = len(p.chunk.posts) - 1
		on = on.AddDays(3*365 + p.rng.IntN(61) - 30)
	}
}
