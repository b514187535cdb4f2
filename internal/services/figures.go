package services

// Part four (b)'s figures (shared/docs/domain.md, "Part four"). ?1 is the
// scope's area, ?2 the period's first day, ?3 its last.
//
// An outlet and a designation count under the scope their area lay in at
// the period's end (an outlet whose community moved to another subdistrict
// counts for the new one from the move on); a service record, a placement
// and a good deed under the scope their area lay in on the day they are
// dated. A month's service record is dated on the month's first day: it
// counts in the period that holds that day, whole (a period from 15 March
// holds April's record, not March's).

import "dangjian/internal/figures"

// outletFigure is outlets.<kind>.
func outletFigure(kind OutletKind, zh, en string) *figures.Figure {
	return &figures.Figure{
		Key: "outlets." + string(kind), Part: 4, RecordKind: "outlet",
		LabelZH: zh, LabelEN: en, UnitZH: "个",
		Tally: &figures.Tallied{Column: colOutletsByKind[kind]},
		SQL: figures.SQLJoin(
			"SELECT o.id AS id, o.area_id AS area_id, o.name AS name, o.from_on AS on_date, "+figures.NameAt("o.area_id", "?3", "''")+" AS detail, 0 AS flag",
			"FROM outlet o",
			figures.Under("o.area_id", "?3"),
			"WHERE o.kind = '"+string(kind)+"' AND "+figures.ValidRow("o", "?3"),
		),
	}
}

// personTimes is services.person_times, or of one kind when kind is set:
// a Sum whose flag carries each record's person-times.
func personTimes(kind ServiceKind, zh, en string) *figures.Figure {
	key, where, col := "services.person_times", "", colPersonTimes
	if kind != "" {
		key, where, col = key+"."+string(kind), " AND r.kind = '"+string(kind)+"'", colPersonsByKind[kind]
	}
	return &figures.Figure{
		Key: key, Part: 4, RecordKind: "service_record", Agg: figures.Sum, Scale: 1,
		LabelZH: zh, LabelEN: en, UnitZH: "人次", UnitEN: "person-times",
		Tally: &figures.Tallied{Column: col, Started: true},
		SQL: figures.SQLJoin(
			"SELECT r.id AS id, r.area_id AS area_id, COALESCE((SELECT o.name FROM outlet o WHERE o.id = r.outlet_id), "+figures.NameAt("r.area_id", "r.on_date", "''")+") AS name,",
			"  r.on_date AS on_date, r.kind || ' ' || r.span || ': ' || CAST(r.person_times AS TEXT) AS detail, r.person_times AS flag",
			"FROM service_record r",
			figures.Under("r.area_id", "r.on_date"),
			"WHERE r.on_date >= ?2 AND r.on_date <= ?3"+where,
		),
	}
}

func init() {
	figures.Register(
		&figures.Figure{
			Key: "subdistricts.total", Part: 4, RecordKind: "area",
			LabelZH: "街道", LabelEN: "Subdistricts", UnitZH: "个",
			Tally: &figures.Tallied{Column: colSubdistricts},
			SQL: figures.SQLJoin(
				"SELECT a.id AS id, a.id AS area_id, "+figures.NameAt("a.id", "?3", "a.name")+" AS name, a.established_on AS on_date, '' AS detail, 0 AS flag",
				"FROM area a",
				figures.Under("a.id", "?3"),
				"WHERE a.level = 'subdistrict' AND "+figures.Active("a", "established_on", "?3"),
			),
		},
		outletFigure("sanitation_station", "环境卫生服务站", "Sanitation stations"),
		outletFigure("cleaning_team", "清洁队", "Cleaning teams"),
		outletFigure("elderly_centre", "老人服务中心", "Elderly service centres"),
		outletFigure("family_planning_centre", "计生服务中心", "Family-planning service centres"),
		outletFigure("housekeeping_centre", "家政服务中心", "Housekeeping service centres"),
		outletFigure("disability_centre", "残疾人服务中心", "Disability service centres"),
		&figures.Figure{
			Key: "designations.safe_neighbourhoods", Part: 4, RecordKind: "designation",
			LabelZH: "安全文明小区", LabelEN: "Safe and civilised neighbourhoods", UnitZH: "个",
			Tally: &figures.Tallied{Column: colSafe},
			SQL: figures.SQLJoin(
				"SELECT d.id AS id, d.area_id AS area_id, d.estate AS name, d.from_on AS on_date, d.awarded_by AS detail, 0 AS flag",
				"FROM designation d",
				figures.Under("d.area_id", "?3"),
				"WHERE d.kind = 'safe_civilised_neighbourhood' AND "+figures.ValidRow("d", "?3"),
			),
		},
		personTimes("", "各种服务", "Services given"),
		personTimes("training", "技术培训", "Training"),
		personTimes("job_guidance", "就业指导", "Job guidance"),
		personTimes("health_care", "医疗保健", "Health care"),
		personTimes("elderly_care", "老人护理", "Elderly care"),
		personTimes("other", "其他服务", "Other services"),
		&figures.Figure{
			Key: "placements.total", Part: 4, RecordKind: "placement",
			LabelZH: "帮助下岗失业人员实现就业", LabelEN: "Laid-off and unemployed persons placed in work", UnitZH: "人次", UnitEN: "placements",
			Tally: &figures.Tallied{Column: colPlacements, Started: true},
			SQL: figures.SQLJoin(
				"SELECT p.id AS id, p.area_id AS area_id, p.name AS name, p.placed_on AS on_date, p.employer AS detail, 0 AS flag",
				"FROM placement p",
				figures.Under("p.area_id", "p.placed_on"),
				"WHERE p.placed_on >= ?2 AND p.placed_on <= ?3",
			),
		},
		&figures.Figure{
			Key: "good_deeds.total", Part: 4, RecordKind: "good_deed",
			LabelZH: "为居民办好事实事", LabelEN: "Good deeds done for residents", UnitZH: "件",
			Tally: &figures.Tallied{Column: colDeeds, Started: true},
			SQL: figures.SQLJoin(
				"SELECT g.id AS id, g.area_id AS area_id, g.title AS name, g.done_on AS on_date, g.kind AS detail, 0 AS flag",
				"FROM good_deed g",
				figures.Under("g.area_id", "g.done_on"),
				"WHERE g.done_on >= ?2 AND g.done_on <= ?3",
			),
		},
	)
}
