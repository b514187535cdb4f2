package report

import "dangjian/internal/auth"

// ReadReports guards the figures, their records and the speech.
var ReadReports = auth.Define("reports.read", auth.Readers...)
