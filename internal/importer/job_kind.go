package importer

// JobKind names an import's job in the metrics (metrics.KindOf): a dry run
// checks the file, a real run writes it; the sheet's kind is not a label,
// to keep the label set small.
func (m importMeta) JobKind() string {
	if m.dry {
		return "import_check"
	}
	return "import"
}
