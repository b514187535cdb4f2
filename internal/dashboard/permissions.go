package dashboard

import "dangjian/internal/auth"

// ReadDashboard guards the dashboard, its full-screen mode and its data:
// the figures of the caller's scope and the lists of its open records.
var ReadDashboard = auth.Define("dashboard.read", auth.Readers...)
