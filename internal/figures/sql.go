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

// UnderWhere is Under's condition on the closure row sc, for a query
// that lists sc among its tables (ByBreadth) rather than joining it.
func UnderWhere(areaCol, dateExpr string) string {
	return "sc.descendant_id = " + areaCol + " AND " + scopeJoin + " AND sc.from_on <= " + dateExpr +
		" AND (sc.to_on IS NULL OR " + dateExpr + " < sc.to_on)"
}

// narrowScope holds when the scope is a subdistrict or a community.
const narrowScope = "EXISTS (SELECT 1 FROM area nx WHERE nx.id = ?1 AND nx.level IN ('subdistrict', 'community'))"

// ByBreadth is the SQL of a figure whose best plan depends on the scope's
// breadth, in two branches (UNION ALL) of which exactly one reads
// anything: a one-row table g first in each FROM is empty unless the scope
// is broad (a district or wider) or narrow (a subdistrict or a community).
// After g come the tables with CROSS JOIN, in the order to read them:
// broadTables the period's records first, then each one's area in the
// closure sc; narrowTables the closure of the scope's few areas first;
// SQLite keeps a CROSS JOIN's order (PostgreSQL plans it as any join).
// where holds the joins and the conditions, the same for both, with
// UnderWhere for sc. So a community's figure costs its own rows on a
// city's database, not the city's. A breakdown by area (groupedSQL) runs
// the broad branch.
func ByBreadth(cols, broadTables, narrowTables string, where ...string) string {
	w := SQLJoin(where...)
	return SQLJoin(
		cols, "FROM (SELECT 1 AS one WHERE NOT "+narrowScope+") g CROSS JOIN "+broadTables, w,
		"UNION ALL",
		cols, "FROM (SELECT 1 AS one WHERE "+narrowScope+") g CROSS JOIN "+narrowTables, w,
	)
}

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
