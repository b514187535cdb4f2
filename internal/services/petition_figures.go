package services

// The petitions' figures (shared/docs/domain.md, "Part four"). ?1 is the
// scope's area, ?2 the period's first day, ?3 its last. A case counts
// under the scope its area lay in on the day it was received (the rates),
// or on the day it was resolved (collective cases resolved).

import "dangjian/internal/figures"

// petitionsReceived is "case p received by an area in scope in the
// period".
var petitionsReceived = figures.SQLJoin(
	"FROM petition_case p",
	figures.Under("p.area_id", "p.received_on"),
	"WHERE p.received_on >= ?2 AND p.received_on <= ?3",
)

// petitionRecord is the columns of a case as a figure's record: the
// department or unit it was sent to as the detail.
func petitionRecord(flag string) string {
	return "SELECT p.id AS id, p.area_id AS area_id, p.title AS name, p.received_on AS on_date, " +
		"COALESCE((SELECT u.name FROM unit u WHERE u.id = p.unit_id), p.department) AS detail, " + flag + " AS flag"
}

// Flags of the rates, each a case's share of its numerator.
const (
	flagResponded = "CASE WHEN p.accepted_at IS NOT NULL AND p.accepted_at <= p.respond_by THEN 1 ELSE 0 END"
	flagResolved  = "CASE WHEN p.resolved_on IS NOT NULL AND p.resolved_on <= ?3 THEN 1 ELSE 0 END"
	flagSatisfied = "CASE WHEN p.satisfaction IN ('satisfied', 'basically') THEN 1 ELSE 0 END"
)

func init() {
	figures.Register(
		&figures.Figure{
			Key: "petitions.collective_resolved", Part: 4, RecordKind: "petition",
			LabelZH: "化解集体上访", LabelEN: "Collective petitions resolved", UnitZH: "宗",
			Tally: &figures.Tallied{Column: colCollectiveResolved, Started: true},
			SQL: figures.SQLJoin(
				petitionRecord("0"),
				"FROM petition_case p",
				figures.Under("p.area_id", "p.resolved_on"),
				"WHERE p.collective = 1 AND p.resolved_on >= ?2 AND p.resolved_on <= ?3",
			),
		},
		&figures.Figure{
			Key: "petitions.response_rate", Part: 4, RecordKind: "petition", Agg: figures.Percent,
			LabelZH: "诉求响应率", LabelEN: "Petitions responded to within 24 hours", UnitZH: "%", UnitEN: "%",
			Tally: &figures.Tallied{Column: colPetitionsReceived, Flagged: colPetitionsResponded, Started: true},
			SQL:   figures.SQLJoin(petitionRecord(flagResponded), petitionsReceived),
		},
		&figures.Figure{
			Key: "petitions.resolution_rate", Part: 4, RecordKind: "petition", Agg: figures.Percent,
			LabelZH: "诉求解决率", LabelEN: "Petitions resolved", UnitZH: "%", UnitEN: "%",
			Tally: &figures.Tallied{Column: colPetitionsReceived, Flagged: colResolvedInYear, Started: true, SingleYear: true},
			SQL:   figures.SQLJoin(petitionRecord(flagResolved), petitionsReceived),
		},
		&figures.Figure{
			Key: "petitions.satisfaction_rate", Part: 4, RecordKind: "petition", Agg: figures.Percent,
			LabelZH: "诉求满意率", LabelEN: "Residents satisfied", UnitZH: "%", UnitEN: "%",
			Tally: &figures.Tallied{Column: colPetitionsCalledBack, Flagged: colPetitionsSatisfied, Started: true},
			SQL:   figures.SQLJoin(petitionRecord(flagSatisfied), petitionsReceived, "AND p.satisfaction IS NOT NULL"),
		},
	)
}
