package figures

import (
	"net/url"
	"strconv"
	"strings"
)

// The vocabulary a domain's figure SQL is written in. ?1 is the scope's
// area, ?2 the period's first day and ?3 its last.

// ValidRow is "row x (from_on/to_on) in force on dateExpr".
func ValidRow(x, dateExpr string) string {
	return x + ".from_on <= " + dateExpr + " AND (" + x + ".to_on IS NULL OR " + dateExpr + " < " + x + ".to_on)"
}

// Under is the join "alias's area was Under the scope area on dateExpr".
func Under(areaCol, dateExpr string) string {
	return "JOIN area_closure sc ON sc.descendant_id = " + areaCol + " AND sc.ancestor_id = ?1 AND sc.from_on <= " + dateExpr +
		" AND (sc.to_on IS NULL OR " + dateExpr + " < sc.to_on)"
}

// UnderWhere is Under's condition on the closure row sc, for a branch
// that lists sc among its tables (ForNarrow, ForBroad) rather than joining
// it.
func UnderWhere(areaCol, dateExpr string) string {
	return "sc.descendant_id = " + areaCol + " AND " + scopeJoin + " AND sc.from_on <= " + dateExpr +
		" AND (sc.to_on IS NULL OR " + dateExpr + " < sc.to_on)"
}

// narrowScope holds when the scope is a subdistrict or a community.
const narrowScope = "EXISTS (SELECT 1 FROM area nx WHERE nx.id = ?1 AND nx.level IN ('subdistrict', 'community'))"

// ForNarrow and ForBroad begin the FROM of the two branches (UNION ALL)
// of a figure whose best plan depends on the scope's breadth: a one-row
// table g, empty unless the scope is narrow (a subdistrict or a community)
// or broad (a district or wider), so exactly one branch reads anything.
// Each branch then lists its tables with CROSS JOIN in the order to read
// them, its joins in WHERE: SQLite keeps a CROSS JOIN's order (PostgreSQL
// plans it as any join). A broad scope reads the period's records and
// checks each one's area, a narrow one starts from its own few areas, so
// a community's figure costs its own rows on a city's database, not the
// city's. A breakdown by area (groupedSQL) runs the broad branch.
func ForNarrow() string { return "(SELECT 1 AS one WHERE " + narrowScope + ") g" }

// ForBroad: see ForNarrow.
func ForBroad() string { return "(SELECT 1 AS one WHERE NOT " + narrowScope + ") g" }

// NameAt is the name area areaCol had on dateExpr, or fallback. It is a
// scalar subquery rather than a join so that counting a figure's records,
// which reads only their ids, never looks the names up.
func NameAt(areaCol, dateExpr, fallback string) string {
	return "COALESCE((SELECT n.name FROM area_name n WHERE n.area_id = " + areaCol + " AND n.from_on <= " + dateExpr +
		" AND (n.to_on IS NULL OR " + dateExpr + " < n.to_on) LIMIT 1), " + fallback + ")"
}

// Active is "x Active on dateExpr" for a start column.
func Active(x, start, dateExpr string) string {
	return x + "." + start + " <= " + dateExpr + " AND (" + x + ".ended_on IS NULL OR " + dateExpr + " < " + x + ".ended_on)"
}

// SQLJoin joins query fragments with newlines.
func SQLJoin(parts ...string) string { return strings.Join(parts, "\n") }

// RecordsLink is the page of a figure's records for the scope and period.
func RecordsLink(key string, s Scope) string {
	v := url.Values{}
	v.Set("area", strconv.FormatInt(s.AreaID, 10))
	v.Set("from", s.From.String())
	v.Set("to", s.To.String())
	return "/figures/" + key + "?" + v.Encode()
}
