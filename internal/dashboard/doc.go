// Package dashboard is the home page of every role: a scope's headline
// figures with their change from a year earlier, ECharts charts (coverage
// by sub-area, each part's figures by year over ten years, funding by
// source, outlets by kind, the petition rates), the lists that ask for
// action (overdue actions, open whistles, open demands, three-lacks
// committees) and a full-screen mode for a meeting-room screen (数据大屏).
//
// The data is one JSON document (Data, built by Build), served by the API
// (GET /api/v1/dashboard) and, for the pages' script behind the session,
// by GET /dashboard.json; the charts are drawn in the browser from it
// (static/dashboard.js). Every chart element and list entry carries the
// link to the records behind it.
package dashboard
