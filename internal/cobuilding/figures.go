package cobuilding

// Part four (a)'s figures (shared/docs/domain.md, "Part four"). ?1 is the
// scope's area, ?2 the period's first day, ?3 its last. A project counts
// under the scope its community lay in on the day it was done; a banner on
// the day it was given.

import "dangjian/internal/figures"

// doneInPeriod is "project p of a community in scope done in the period".
var doneInPeriod = figures.SQLJoin(
	figures.Under("p.area_id", "p.done_on"),
	"WHERE p.done_on >= ?2 AND p.done_on <= ?3",
)

func init() {
	figures.Register(
		&figures.Figure{
			Key: "projects.done", Part: 4, RecordKind: "co_project",
			LabelZH: "完成共建项目", LabelEN: "Co-building projects done", UnitZH: "个",
			Tally: &figures.Tallied{Column: colProjectsDone, Started: true},
			SQL: figures.SQLJoin(
				"SELECT p.id AS id, p.area_id AS area_id, p.title AS name, p.done_on AS on_date, '' AS detail, 0 AS flag",
				"FROM co_project p",
				doneInPeriod,
			),
		},
		&figures.Figure{
			Key: "projects.units", Part: 4, RecordKind: "unit",
			LabelZH: "参与共建项目的驻区单位", LabelEN: "Units taking part in projects done", UnitZH: "个",
			Set: &setUnitsDone,
			// Units only: a named department is no stationed unit. The
			// unit's name as a scalar subquery, so counting reads no unit.
			SQL: figures.SQLJoin(
				"SELECT c.unit_id AS id, p.area_id AS area_id, (SELECT u.name FROM unit u WHERE u.id = c.unit_id) AS name, p.done_on AS on_date, p.title AS detail, 0 AS flag",
				"FROM co_contribution c JOIN co_project p ON p.id = c.project_id",
				doneInPeriod,
				"AND c.unit_id IS NOT NULL",
			),
		},
		&figures.Figure{
			Key: "projects.saved", Part: 4, RecordKind: "co_project", Agg: figures.Sum, Scale: 1e6,
			LabelZH: "共建项目节约资金", LabelEN: "Money saved by projects done", UnitZH: "万元", UnitEN: "10k yuan",
			Tally: &figures.Tallied{Column: colSaved, Started: true},
			// The flag carries each project's saving in fen: estimated −
			// actual cost, never below 0.
			SQL: figures.SQLJoin(
				"SELECT p.id AS id, p.area_id AS area_id, p.title AS name, p.done_on AS on_date, '' AS detail, "+savedSQL("p")+" AS flag",
				"FROM co_project p",
				doneInPeriod,
			),
		},
		&figures.Figure{
			Key: "feedback.banners", Part: 4, RecordKind: "co_feedback",
			LabelZH: "收到锦旗", LabelEN: "Banners of thanks received", UnitZH: "面",
			Tally: &figures.Tallied{Column: colBanners, Started: true},
			SQL: figures.SQLJoin(
				"SELECT f.id AS id, p.area_id AS area_id, p.title AS name, f.given_on AS on_date, f.given_by AS detail, 0 AS flag",
				"FROM co_feedback f JOIN co_project p ON p.id = f.project_id",
				figures.Under("p.area_id", "f.given_on"),
				"WHERE f.kind = 'banner' AND f.given_on >= ?2 AND f.given_on <= ?3",
			),
		},
	)
}
