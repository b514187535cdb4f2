package premises

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/figures"
	"dangjian/internal/i18n"
	"dangjian/internal/xlsx"
)

// The survey sheet (社区阵地建设情况调查表) offices keep each year: a row per
// community and premises with its rooms, the year's office funding and the
// households counted. Exported for a scope and year, it imports back: a
// row adds what the records lack (premises, rooms, funding, a count) and
// leaves alone what they hold; a row that contradicts them is refused,
// naming the cell. An import is all or nothing (every problem of every row
// in one dry run, nothing written) and repeatable (the same sheet again
// changes nothing).

var (
	useValues = []xlsx.Value{
		{Code: string(Office), ZH: "办公用房", EN: "office", Aliases: []string{"办公"}},
		{Code: string(Service), ZH: "服务用房", EN: "service", Aliases: []string{"服务", "党群服务中心"}},
	}
	tenureValues = []xlsx.Value{
		{Code: string(Owned), ZH: "自有", EN: "owned", Aliases: []string{"产权自有", "自建"}},
		{Code: string(Rented), ZH: "租用", EN: "rented", Aliases: []string{"租赁"}},
		{Code: string(Lent), ZH: "借用", EN: "lent", Aliases: []string{"无偿借用"}},
		{Code: string(Shared), ZH: "与单位共用", EN: "shared", Aliases: []string{"共用", "单位共用"}},
	}
)

// surveyRooms are the room columns of the sheet, by kind.
var surveyRooms = []RoomKind{"party_activity", "e_learning", "fitness", "library"}

// SurveySheet is the sheet's schema, in export order.
var SurveySheet = xlsx.NewSchema("premises_survey",
	xlsx.Column{Key: "community", ZH: "社区", EN: "Community", Required: true, Aliases: []string{"社区名称", "社区居委会", "居委会"}},
	xlsx.Column{Key: "subdistrict", ZH: "所属街道", EN: "Subdistrict", Aliases: []string{"街道"}},
	xlsx.Column{Key: "year", ZH: "年度", EN: "Year", Required: true, Kind: xlsx.Digits, Aliases: []string{"调查年度", "年份"}},
	xlsx.Column{Key: "address", ZH: "用房地址", EN: "Premises address", Aliases: []string{"办公用房地址", "地址"}},
	xlsx.Column{Key: "use", ZH: "用途", EN: "Use", Kind: xlsx.Enum, Values: useValues, Aliases: []string{"用房用途"}},
	xlsx.Column{Key: "floor_area", ZH: "用房面积（平方米）", EN: "Floor area (m²)", Aliases: []string{"面积", "建筑面积", "用房面积"}},
	xlsx.Column{Key: "tenure", ZH: "产权", EN: "Tenure", Kind: xlsx.Enum, Values: tenureValues, Aliases: []string{"产权性质"}},
	xlsx.Column{Key: "from_on", ZH: "启用日期", EN: "In use from", Kind: xlsx.Date, Aliases: []string{"投入使用日期", "使用日期"}},
	xlsx.Column{Key: "party_activity", ZH: "党员活动室（平方米）", EN: "Party activity room (m²)", Aliases: []string{"党员活动室"}},
	xlsx.Column{Key: "e_learning", ZH: "电教室（平方米）", EN: "E-learning room (m²)", Aliases: []string{"电教室"}},
	xlsx.Column{Key: "fitness", ZH: "健身室（平方米）", EN: "Fitness room (m²)", Aliases: []string{"健身室"}},
	xlsx.Column{Key: "library", ZH: "图书馆（平方米）", EN: "Library (m²)", Aliases: []string{"图书馆", "图书室"}},
	xlsx.Column{Key: "funding", ZH: "办公经费（元）", EN: "Office funding (yuan)", Aliases: []string{"办公经费", "年度办公经费"}},
	xlsx.Column{Key: "funding_source", ZH: "经费来源", EN: "Funding source", Aliases: []string{"来源"}},
	xlsx.Column{Key: "households", ZH: "户数", EN: "Households", Aliases: []string{"居民户数", "总户数"}},
	xlsx.Column{Key: "counted_on", ZH: "户数统计日期", EN: "Households counted on", Kind: xlsx.Date, Aliases: []string{"统计日期"}},
)

// surveyDay is the day a survey of year describes: its 31 December, or
// today for the current year.
func (s *Store) surveyDay(year int) date.Date {
	d := date.New(year, time.December, 31)
	if t := s.Today(); d.After(t) {
		return t
	}
	return d
}

// surveyRow is one row of the sheet as the records hold it.
type surveyRow struct {
	community, subdistrict string
	premises               *Premises
	rooms                  map[RoomKind]int64
	funding                int64
	fundingSet             bool
	source                 string
	households             int
	countedOn              date.Date
}

func (r surveyRow) cells(year int, lang i18n.Lang) []string {
	out := []string{r.community, r.subdistrict, strconv.Itoa(year), "", "", "", "", ""}
	if p := r.premises; p != nil {
		out[3], out[5], out[7] = p.Address, SquareMetres(p.FloorArea), p.FromOn.String()
		out[4] = SurveySheet.Columns[SurveySheet.Col("use")].Label(string(p.Use), lang)
		out[6] = SurveySheet.Columns[SurveySheet.Col("tenure")].Label(string(p.Tenure), lang)
	}
	for _, k := range surveyRooms {
		v := ""
		if a := r.rooms[k]; a > 0 {
			v = SquareMetres(a)
		}
		out = append(out, v)
	}
	funding, counted, households := "", "", ""
	if r.fundingSet {
		funding = yuan(r.funding)
	}
	if !r.countedOn.IsZero() {
		counted, households = r.countedOn.String(), strconv.Itoa(r.households)
	}
	return append(out, funding, r.source, households, counted)
}

// yuan writes fen as 元 (1200, 1200.5).
func yuan(fen int64) string { return strconv.FormatFloat(float64(fen)/100, 'f', -1, 64) }

// ExportSurvey writes the survey of year for the communities under areaID
// (0: the caller's scope) active on its day, in format (xlsx.FormatXLSX or
// xlsx.FormatCSV) with headers in lang: a row per office or service
// premises in use that day (a row with none for a community without), its
// rooms of the seed's four kinds, the year's funding and the latest count
// of households. It returns how many rows it wrote.
func (s *Store) ExportSurvey(ctx context.Context, w io.Writer, format string, lang i18n.Lang, areaID int64, year int) (int, error) {
	if year < 1949 || year > s.Today().Year() {
		return 0, i18n.Errf("year", "err.funding_year_invalid", s.Today().Year())
	}
	day := s.surveyDay(year)
	scope, err := s.scopeArea(ctx, areaID)
	if err != nil {
		return 0, err
	}
	q := s.DB.Reader()
	rows, err := q.QueryContext(ctx, surveyCommunities, scope.ID, day)
	if err != nil {
		return 0, fmt.Errorf("premises: survey communities: %w", err)
	}
	type community struct {
		id          int64
		name, under string
	}
	var cs []community
	for rows.Next() {
		var c community
		if err := rows.Scan(&c.id, &c.name, &c.under); err != nil {
			rows.Close()
			return 0, err
		}
		cs = append(cs, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	wr, err := xlsx.NewWriter(w, format, SurveySheet, lang)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, c := range cs {
		v := CommunityView{}
		if v.Premises, err = premisesOf(ctx, q, c.id); err != nil {
			return n, err
		}
		if v.Funding, err = fundingOf(ctx, q, c.id); err != nil {
			return n, err
		}
		base := surveyRow{community: c.name, subdistrict: c.under}
		for _, y := range v.Funding {
			if y.Year == year {
				base.funding, base.fundingSet = y.Total, true
				if len(y.Rows) > 0 {
					base.source = y.Rows[0].Source
				}
			}
		}
		if err := q.QueryRowContext(ctx, "SELECT households, counted_on FROM household_count WHERE area_id = ? AND counted_on <= ? ORDER BY counted_on DESC, id DESC LIMIT 1",
			c.id, day).Scan(&base.households, &base.countedOn); err != nil && !db.IsNotFound(err) {
			return n, err
		}
		wrote := false
		for _, p := range v.Premises {
			if (p.Use != Office && p.Use != Service) || !date.InSpan(p.FromOn, p.ToOn, day) {
				continue
			}
			row := base
			row.premises = &p.Premises
			row.rooms = map[RoomKind]int64{}
			for _, r := range p.Rooms {
				if date.InSpan(r.FromOn, r.ToOn, day) {
					row.rooms[r.Kind] += r.FloorArea
				}
			}
			if err := wr.Write(row.cells(year, lang)); err != nil {
				return n, err
			}
			n, wrote = n+1, true
		}
		if !wrote {
			if err := wr.Write(base.cells(year, lang)); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, wr.Close()
}

// surveyCommunities lists the communities under ?1 active on ?2 with the
// name of the subdistrict above them, by subdistrict then name.
var surveyCommunities = figures.SQLJoin(
	"SELECT a.id, a.name, COALESCE(p.name, '') FROM area a",
	figures.Under("a.id", "?2"),
	"LEFT JOIN area p ON p.id = a.parent_id",
	"WHERE a.level = 'community' AND "+figures.Active("a", "established_on", "?2"),
	"ORDER BY COALESCE(p.name, ''), a.name, a.id")

// SurveyResult is what an import of the survey found and did.
type SurveyResult struct {
	DryRun    bool             `json:"dry_run"`
	Rows      int              `json:"rows"`
	Added     int              `json:"added"`
	Unchanged int              `json:"unchanged"`
	Errors    []*xlsx.RowError `json:"-"`
}

// OK reports whether every row was good.
func (r *SurveyResult) OK() bool { return len(r.Errors) == 0 }

// ErrSurveyRows is returned (wrapped) by ImportSurvey when any row is bad:
// the result lists every problem and nothing was written.
var ErrSurveyRows = errors.New("premises: bad rows in the survey, nothing written")

var errDryRun = errors.New("premises: dry run")

// ImportSurvey reads the survey sheet from r (named name, size bytes) and,
// unless dryRun, applies it in one transaction. With any bad row it
// returns the result with every problem and ErrSurveyRows and writes
// nothing; a dry run checks everything the same way and writes nothing. A
// refused file returns the reader's error.
func (s *Store) ImportSurvey(ctx context.Context, r io.ReaderAt, size int64, name string, dryRun bool) (*SurveyResult, error) {
	rd, err := xlsx.Open(r, size, name, SurveySheet)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	res := &SurveyResult{DryRun: dryRun}
	err = s.DB.Tx(ctx, func(q db.Q) error {
		for {
			row, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return err
			}
			res.Rows++
			if err := s.importSurveyRow(ctx, q, rd, row, res); err != nil {
				return err
			}
		}
		if !res.OK() {
			return fmt.Errorf("%w: %d", ErrSurveyRows, len(res.Errors))
		}
		if dryRun {
			return db.ErrRollback
		}
		return audit.Append(ctx, q, audit.Entry{Action: "import.premises_survey", TargetType: "import",
			After: map[string]any{"rows": res.Rows, "added": res.Added, "unchanged": res.Unchanged, "format": rd.Format()}})
	})
	return res, err
}

// surveyFields maps the store's fields to the sheet's columns.
var surveyFields = map[string]string{"area_id": "community", "address": "address", "use": "use", "floor_area": "floor_area",
	"tenure": "tenure", "from_on": "from_on", "amount": "funding", "year": "year", "source": "funding_source",
	"households": "households", "counted_on": "counted_on"}

// importSurveyRow checks one row and writes what it adds on q; a store
// refusal becomes the row's problem. Only a database failure is returned.
func (s *Store) importSurveyRow(ctx context.Context, q db.Q, rd *xlsx.Reader, row xlsx.Row, res *SurveyResult) error {
	before := len(res.Errors)
	problem := func(col, key string, args ...any) {
		res.Errors = append(res.Errors, rd.RowError(row.Line, col, key, args...))
	}
	// refused turns a store error into the row's problem, in column col or
	// (col "") the column of the store's field; stop is false for no error.
	refused := func(err error, col string) (stop bool, _ error) {
		var ie *i18n.Error
		switch {
		case err == nil:
			return false, nil
		case errors.As(err, &ie):
			if c := surveyFields[ie.Field]; col == "" && c != "" {
				col = c
			} else if col == "" {
				col = "community"
			}
			problem(col, ie.Key, ie.Args...)
			return true, nil
		}
		return true, err
	}
	res.Errors = append(res.Errors, row.Problems...)
	c, err := s.Areas.Find(ctx, row.Get("community"))
	if stop, ferr := refused(err, "community"); stop {
		return ferr
	}
	if c.Level != area.Community {
		problem("community", "err.premises_not_community", c.Name)
		return nil
	}
	year, err := strconv.Atoi(row.Get("year"))
	if err != nil || year < 1949 || year > s.Today().Year() {
		problem("year", "err.funding_year_invalid", s.Today().Year())
		return nil
	}
	day := s.surveyDay(year)
	added := 0

	// The premises, found by address, or opened.
	var prem *Premises
	if addr := row.Get("address"); addr != "" {
		p, found, err := s.surveyPremises(ctx, q, row, c, addr, problem)
		if err != nil {
			return err
		}
		if found {
			prem = &p
		} else if p.AreaID != 0 {
			in := PremisesInput{AreaID: c.ID, Address: addr, Use: p.Use, FloorArea: p.FloorArea, Tenure: p.Tenure, FromOn: p.FromOn}
			id, err := s.openPremises(ctx, q, in)
			if stop, ferr := refused(err, ""); stop {
				return ferr
			}
			p.ID = id
			prem, added = &p, added+1
		}
	}
	// Its rooms of the seed's four kinds.
	for _, k := range surveyRooms {
		v := row.Get(string(k))
		if v == "" {
			continue
		}
		a, err := ParseSquareMetres(string(k), v)
		if err != nil || a == 0 {
			if err != nil {
				problem(string(k), "err.premises_area_invalid")
			}
			continue
		}
		if prem == nil {
			if row.Get("address") == "" {
				problem(string(k), "err.survey_room_needs_premises")
			}
			continue
		}
		var has int
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM room WHERE premises_id = ? AND kind = ? AND from_on <= ? AND (to_on IS NULL OR ? < to_on)",
			prem.ID, k, day, day).Scan(&has); err != nil {
			return err
		}
		if has > 0 {
			continue
		}
		from := prem.FromOn
		if jan := date.New(year, time.January, 1); jan.After(from) {
			from = jan
		}
		_, err = s.addRoom(ctx, q, RoomInput{PremisesID: prem.ID, Kind: k, FloorArea: a, FromOn: from})
		if stop, ferr := refused(err, string(k)); stop {
			if ferr != nil {
				return ferr
			}
			continue
		}
		added++
	}
	// The year's office funding.
	if v := row.Get("funding"); v != "" {
		amount, err := ParseYuan("funding", v)
		if err != nil {
			problem("funding", "err.premises_money_invalid")
		} else {
			var n int
			var sum int64
			if err := q.QueryRowContext(ctx, "SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM office_funding WHERE area_id = ? AND year = ?", c.ID, year).Scan(&n, &sum); err != nil {
				return err
			}
			switch {
			case n > 0 && sum != amount:
				problem("funding", "err.survey_funding_differs", year, yuan(sum))
			case n == 0:
				_, err := s.addOfficeFunding(ctx, q, OfficeFundingInput{AreaID: c.ID, Year: year, Amount: amount, Source: row.Get("funding_source")})
				if stop, ferr := refused(err, ""); stop && ferr != nil {
					return ferr
				} else if !stop {
					added++
				}
			}
		}
	}
	// The households counted.
	if v := row.Get("households"); v != "" {
		n, err := strconv.Atoi(strings.ReplaceAll(v, ",", ""))
		if err != nil || n < 0 {
			problem("households", "err.premises_count_negative")
		} else {
			on := day
			if d := row.Get("counted_on"); d != "" {
				if nd, ok := xlsx.NormalizeDate(d); ok {
					on = date.MustParse(nd)
				} else {
					problem("counted_on", "err.date_invalid", d)
				}
			}
			var have int
			err := q.QueryRowContext(ctx, "SELECT households FROM household_count WHERE area_id = ? AND counted_on = ? ORDER BY id DESC LIMIT 1", c.ID, on).Scan(&have)
			switch {
			case err == nil && have != n:
				problem("households", "err.survey_households_differ", on.String(), have)
			case db.IsNotFound(err):
				_, err := s.countHouseholds(ctx, q, HouseholdsInput{AreaID: c.ID, Households: n, CountedOn: on})
				if stop, ferr := refused(err, ""); stop && ferr != nil {
					return ferr
				} else if !stop {
					added++
				}
			case err != nil:
				return err
			}
		}
	}
	if len(res.Errors) == before {
		res.Added += added
		if added == 0 {
			res.Unchanged++
		}
	}
	return nil
}

// surveyPremises finds the community's premises at addr. found: they are
// recorded, and the row's use, area and tenure (where given) agree with
// them. Not found: p holds what the row says, to be opened (p.AreaID is 0
// when the row cannot say it: its problems are recorded).
func (s *Store) surveyPremises(ctx context.Context, q db.Q, row xlsx.Row, c area.Area, addr string,
	problem func(col, key string, args ...any)) (p Premises, found bool, err error) {
	p, err = scanPremises(q.QueryRowContext(ctx, "SELECT "+premisesCols+" FROM premises WHERE area_id = ? AND address = ? ORDER BY to_on IS NULL DESC, from_on DESC, id DESC LIMIT 1", c.ID, addr))
	found = err == nil
	if err != nil && !db.IsNotFound(err) {
		return p, false, err
	}
	want := Premises{AreaID: c.ID, Address: addr}
	bad := func(col, key string, args ...any) {
		problem(col, key, args...)
		want.AreaID = 0
	}
	if v := row.Get("use"); v != "" {
		code, ok := SurveySheet.Columns[SurveySheet.Col("use")].Code(v)
		if !ok {
			bad("use", "err.premises_use_invalid")
		}
		want.Use = Use(code)
	}
	if v := row.Get("tenure"); v != "" {
		code, ok := SurveySheet.Columns[SurveySheet.Col("tenure")].Code(v)
		if !ok {
			bad("tenure", "err.premises_tenure_invalid")
		}
		want.Tenure = Tenure(code)
	}
	if v := row.Get("floor_area"); v != "" {
		a, err := ParseSquareMetres("floor_area", v)
		if err != nil {
			bad("floor_area", "err.premises_area_invalid")
		}
		want.FloorArea = a
	}
	if v := row.Get("from_on"); v != "" {
		d, ok := xlsx.NormalizeDate(v)
		if !ok {
			bad("from_on", "err.date_invalid", v)
		} else {
			want.FromOn = date.MustParse(d)
		}
	}
	if found {
		for _, d := range []struct {
			col      string
			differs  bool
			recorded string
		}{
			{"use", want.Use != "" && want.Use != p.Use, string(p.Use)},
			{"tenure", want.Tenure != "" && want.Tenure != p.Tenure, string(p.Tenure)},
			{"floor_area", want.FloorArea != 0 && want.FloorArea != p.FloorArea, SquareMetres(p.FloorArea)},
			{"from_on", !want.FromOn.IsZero() && want.FromOn != p.FromOn, p.FromOn.String()},
		} {
			if d.differs {
				problem(d.col, "err.survey_premises_differ", addr, d.recorded)
			}
		}
		return p, true, nil
	}
	for _, f := range []struct {
		col     string
		missing bool
	}{{"use", want.Use == ""}, {"floor_area", want.FloorArea == 0}, {"tenure", want.Tenure == ""}, {"from_on", want.FromOn.IsZero()}} {
		if f.missing && row.Get(f.col) == "" {
			bad(f.col, "err.survey_new_premises_needs", addr)
		}
	}
	return want, false, nil
}
