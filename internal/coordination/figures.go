package coordination

// Part two's figures (shared/docs/domain.md, "Part two"). ?1 is the scope's
// area, ?2 the period's first day, ?3 its last. Actions are counted as
// agreed, top-level: a sub-action is a part of its action, not another one.

import "dangjian/internal/figures"

// conferenceAtEnd is "conference c placed in scope and active at ?3".
var conferenceAtEnd = figures.SQLJoin(
	"FROM joint_conference c",
	figures.Under("c.area_id", "?3"),
	"WHERE "+figures.Active("c", "established_on", "?3"),
)

// openAtEnd is "action x agreed by ?3 and neither done nor dropped on ?3"
// (closed_on NULL or after ?3), written as the expression the index
// agreed_action_open_at keeps, so that only the actions still open then
// are read rather than every action due before ?3.
const openAtEnd = "x.agreed_on <= ?3 AND COALESCE(x.closed_on, '9999-12-31') > ?3"

func init() {
	figures.Register(
		&figures.Figure{
			Key: "conferences.total", Part: 2, RecordKind: "joint_conference",
			LabelZH: "联席会议", LabelEN: "Joint conferences", UnitZH: "个",
			Tally: &figures.Tallied{Column: colConferences},
			SQL:   "SELECT c.id AS id, c.area_id AS area_id, c.name AS name, c.established_on AS on_date, c.kind AS detail, 0 AS flag\n" + conferenceAtEnd,
		},
		&figures.Figure{
			Key: "conferences.member_units", Part: 2, RecordKind: "unit",
			LabelZH: "参加联席会议的驻区单位", LabelEN: "Units sitting in joint conferences", UnitZH: "个",
			SQL: figures.SQLJoin(
				// The unit's name as a scalar subquery, so that counting
				// reads no unit row.
				"SELECT m.unit_id AS id, c.area_id AS area_id, (SELECT u.name FROM unit u WHERE u.id = m.unit_id) AS name, m.from_on AS on_date, c.name AS detail, 0 AS flag",
				"FROM conference_member m JOIN joint_conference c ON c.id = m.conference_id",
				figures.Under("c.area_id", "?3"),
				"WHERE "+figures.Active("c", "established_on", "?3")+" AND "+figures.ValidRow("m", "?3"),
			),
		},
		&figures.Figure{
			Key: "conferences.subdistricts_holding", Part: 2, RecordKind: "area",
			LabelZH: "召开联席会议的街道", LabelEN: "Subdistricts whose conferences met", UnitZH: "个",
			// The subdistrict at or above the conference's area on the
			// session's day, itself in scope that day.
			SQL: figures.SQLJoin(
				"SELECT up.ancestor_id AS id, up.ancestor_id AS area_id, "+figures.NameAt("up.ancestor_id", "s.held_on", "sa.name")+" AS name, s.held_on AS on_date, c.name AS detail, 0 AS flag",
				"FROM conference_session s JOIN joint_conference c ON c.id = s.conference_id",
				"JOIN area_closure up ON up.descendant_id = c.area_id AND up.from_on <= s.held_on AND (up.to_on IS NULL OR s.held_on < up.to_on)",
				"JOIN area sa ON sa.id = up.ancestor_id AND sa.level = 'subdistrict'",
				figures.Under("up.ancestor_id", "s.held_on"),
				"WHERE s.held_on >= ?2 AND s.held_on <= ?3",
			),
		},
		&figures.Figure{
			Key: "sessions.held", Part: 2, RecordKind: "conference_session",
			LabelZH: "召开联席会议", LabelEN: "Conference sessions held", UnitZH: "次",
			Tally: &figures.Tallied{Column: colSessions, Started: true},
			SQL: figures.SQLJoin(
				"SELECT s.id AS id, c.area_id AS area_id, c.name AS name, s.held_on AS on_date, s.topic AS detail, 0 AS flag",
				"FROM conference_session s JOIN joint_conference c ON c.id = s.conference_id",
				figures.Under("c.area_id", "s.held_on"),
				"WHERE s.held_on >= ?2 AND s.held_on <= ?3",
			),
		},
		&figures.Figure{
			Key: "actions.agreed", Part: 2, RecordKind: "agreed_action",
			LabelZH: "议定事项", LabelEN: "Actions agreed", UnitZH: "项",
			Tally: &figures.Tallied{Column: colAgreed, Started: true},
			SQL: figures.SQLJoin(
				"SELECT x.id AS id, x.area_id AS area_id, x.title AS name, s.held_on AS on_date, c.name AS detail, 0 AS flag",
				"FROM agreed_action x JOIN conference_session s ON s.id = x.session_id JOIN joint_conference c ON c.id = s.conference_id",
				figures.Under("c.area_id", "s.held_on"),
				"WHERE x.parent_id IS NULL AND s.held_on >= ?2 AND s.held_on <= ?3",
			),
		},
		&figures.Figure{
			Key: "actions.done", Part: 2, RecordKind: "agreed_action",
			LabelZH: "办结议定事项", LabelEN: "Actions done", UnitZH: "项",
			Tally: &figures.Tallied{Column: colDone, Started: true},
			SQL: figures.SQLJoin(
				"SELECT x.id AS id, x.area_id AS area_id, x.title AS name, x.closed_on AS on_date, x.owner_name AS detail, 0 AS flag",
				"FROM agreed_action x",
				figures.Under("x.area_id", "x.closed_on"),
				"WHERE x.parent_id IS NULL AND x.status = 'done' AND x.closed_on >= ?2 AND x.closed_on <= ?3",
			),
		},
		&figures.Figure{
			Key: "actions.done_on_time_rate", Part: 2, RecordKind: "agreed_action", Agg: figures.Percent,
			LabelZH: "议定事项按期办结率", LabelEN: "Actions done on time", UnitZH: "%", UnitEN: "%",
			Tally: &figures.Tallied{Column: colDue, Flagged: colDueOnTime, Started: true},
			SQL: figures.SQLJoin(
				"SELECT x.id AS id, x.area_id AS area_id, x.title AS name, x.due_on AS on_date, x.status AS detail,",
				"  CASE WHEN x.status = 'done' AND x.closed_on <= x.due_on THEN 1 ELSE 0 END AS flag",
				"FROM agreed_action x",
				figures.Under("x.area_id", "x.due_on"),
				"WHERE x.parent_id IS NULL AND x.due_on >= ?2 AND x.due_on <= ?3 AND x.status <> 'dropped'",
			),
		},
		&figures.Figure{
			Key: "actions.overdue", Part: 2, RecordKind: "agreed_action",
			LabelZH: "逾期未办结的议定事项", LabelEN: "Actions overdue", UnitZH: "项",
			Tally: &figures.Tallied{Column: colOverdue},
			SQL: figures.SQLJoin(
				"SELECT x.id AS id, x.area_id AS area_id, x.title AS name, x.due_on AS on_date, x.owner_name AS detail, 0 AS flag",
				"FROM agreed_action x",
				figures.Under("x.area_id", "?3"),
				"WHERE x.parent_id IS NULL AND "+openAtEnd+" AND x.due_on < ?3",
			),
		},
		&figures.Figure{
			Key: "whistles.raised", Part: 2, RecordKind: "whistle",
			LabelZH: "吹哨", LabelEN: "Whistles raised", UnitZH: "次",
			Tally: &figures.Tallied{Column: colWhistles, Started: true},
			SQL: figures.SQLJoin(
				"SELECT w.id AS id, w.area_id AS area_id, w.subject AS name, w.raised_on AS on_date, '' AS detail, 0 AS flag",
				"FROM whistle w",
				figures.Under("w.area_id", "w.raised_on"),
				"WHERE w.raised_on >= ?2 AND w.raised_on <= ?3",
			),
		},
		&figures.Figure{
			Key: "whistles.reported_on_time_rate", Part: 2, RecordKind: "whistle_party", Agg: figures.Percent,
			LabelZH: "吹哨按时报到率", LabelEN: "Summoned parties reporting in on time", UnitZH: "%", UnitEN: "%",
			Tally: &figures.Tallied{Column: colParties, Flagged: colPartiesOnTime, Started: true},
			SQL: figures.SQLJoin(
				"SELECT p.id AS id, w.area_id AS area_id, w.subject AS name, w.raised_on AS on_date, p.department AS detail,",
				"  CASE WHEN p.reported_at IS NOT NULL AND p.reported_at <= p.deadline_at THEN 1 ELSE 0 END AS flag",
				"FROM whistle_party p JOIN whistle w ON w.id = p.whistle_id",
				figures.Under("w.area_id", "w.raised_on"),
				"WHERE w.raised_on >= ?2 AND w.raised_on <= ?3",
			),
		},
		&figures.Figure{
			Key: "campaigns.total", Part: 2, RecordKind: "campaign",
			LabelZH: "专项行动", LabelEN: "Campaigns", UnitZH: "次",
			SQL: figures.SQLJoin(
				"SELECT k.id AS id, k.area_id AS area_id, k.name AS name, k.started_on AS on_date, k.kind AS detail, 0 AS flag",
				"FROM campaign k",
				figures.Under("k.area_id", "?3"),
				"WHERE k.started_on <= ?3 AND (k.ended_on IS NULL OR k.ended_on > ?2)",
			),
		},
	)
}
