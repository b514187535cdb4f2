package importer

// SetSheetRowsForTest lowers the rows an XLSX export holds; the returned
// function restores it.
func SetSheetRowsForTest(n int) func() {
	old := sheetRows
	sheetRows = n
	return func() { sheetRows = old }
}
