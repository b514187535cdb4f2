package figures

// GroupedSQL is groupedSQL.
var GroupedSQL = groupedSQL
