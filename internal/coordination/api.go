package coordination

import (
	_ "embed"
	"net/http"

	"dangjian/internal/api"
)

// apiHandlers are the API's handlers of part two.
type apiHandlers struct {
	*api.Handler
	s *Store
}

//go:embed openapi.json
var openAPIDoc []byte

// API is part two's share of the JSON API: conferences and their sessions,
// actions followed to the end (also through their owner unit, for its
// liaison), whistles and campaigns. Every route names its permission and
// where its {id} lies, so access is checked by role and subtree before a
// handler runs.
func API(st *Store) api.Module {
	return api.Module{
		Name: "coordination",
		Doc:  openAPIDoc,
		Routes: func(h *api.Handler) []api.Route {
			s := &apiHandlers{Handler: h, s: st}
			conf, act, wh, party, camp, unit := st.ConferencePlace(), st.ActionPlace(), st.WhistlePlace(), st.PartyPlace(), st.CampaignPlace(), st.UnitPlace()
			const get, post = http.MethodGet, http.MethodPost
			r, w := ReadCoordination, WriteCoordination
			return []api.Route{
				{Method: get, Path: "/api/v1/conferences", Perm: r, Handle: s.conferenceList, Response: conferenceListJSON{}},
				{Method: get, Path: "/api/v1/conferences/{id}", Perm: r, Place: conf, Handle: s.conferenceGet, Response: ConferenceView{}},
				{Method: get, Path: "/api/v1/conferences/{id}/members", Perm: r, Place: conf, Handle: s.conferenceMembers, Response: memberListJSON{}},
				{Method: get, Path: "/api/v1/conferences/{id}/sessions", Perm: r, Place: conf, Handle: s.conferenceSessions, Response: sessionListJSON{}},
				{Method: post, Path: "/api/v1/conferences/{id}/sessions", Perm: w, Place: conf, Handle: s.sessionCreate, Request: sessionRequest{}, Response: sessionJSON{}},
				{Method: get, Path: "/api/v1/conferences/{id}/actions", Perm: r, Place: conf, Handle: s.conferenceActions, Response: actionListJSON{}},
				{Method: get, Path: "/api/v1/conferences/{id}/campaigns", Perm: r, Place: conf, Handle: s.conferenceCampaigns, Response: conferenceCampaignsJSON{}},

				{Method: get, Path: "/api/v1/actions", Perm: r, Handle: s.actionList, Response: actionListJSON{}},
				{Method: get, Path: "/api/v1/actions/export", Perm: r, Handle: s.actionExport},
				{Method: post, Path: "/api/v1/actions/import", Perm: w, Handle: s.actionImport, Response: sheetImportJSON{}},
				{Method: get, Path: "/api/v1/actions/{id}", Perm: r, Place: act, Handle: s.actionGet, Response: ActionDetail{}},
				{Method: post, Path: "/api/v1/actions/{id}/progress", Perm: w, Place: act, Handle: s.actionProgress, Request: progressRequest{}, Response: ActionDetail{}},
				{Method: post, Path: "/api/v1/actions/{id}/parts", Perm: w, Place: act, Handle: s.actionPart, Request: partRequest{}, Response: ActionDetail{}},
				{Method: get, Path: "/api/v1/units/{id}/actions", Perm: ReadUnitActions, Place: unit, Handle: s.unitActionList, Response: actionListJSON{}},
				{Method: post, Path: "/api/v1/units/{id}/actions/{action}/progress", Perm: WriteUnitActions, Place: unit, Handle: s.unitActionProgress, Request: progressRequest{}, Response: ActionDetail{}},

				{Method: get, Path: "/api/v1/whistles", Perm: r, Handle: s.whistleList, Response: whistleListJSON{}},
				{Method: post, Path: "/api/v1/whistles", Perm: w, Handle: s.whistleRaise, Request: whistleRequest{}, Response: whistleJSON{}},
				{Method: get, Path: "/api/v1/whistles/{id}", Perm: r, Place: wh, Handle: s.whistleGet, Response: whistleJSON{}},
				{Method: post, Path: "/api/v1/whistles/{id}/actions", Perm: w, Place: wh, Handle: s.whistleAction, Request: whistleActionRequest{}, Response: whistleJSON{}},
				{Method: post, Path: "/api/v1/whistles/{id}/resolve", Perm: w, Place: wh, Handle: s.whistleResolve, Request: resolveRequest{}, Response: whistleJSON{}},
				{Method: post, Path: "/api/v1/whistle-parties/{id}/report-in", Perm: w, Place: party, Handle: s.partyReportIn, Request: reportInRequest{}, Response: whistleJSON{}},
				{Method: post, Path: "/api/v1/whistle-parties/{id}/score", Perm: w, Place: party, Handle: s.partyScore, Request: scoreRequest{}, Response: whistleJSON{}},

				{Method: get, Path: "/api/v1/campaigns", Perm: r, Handle: s.campaignList, Response: campaignListJSON{}},
				{Method: post, Path: "/api/v1/campaigns", Perm: w, Handle: s.campaignCreate, Request: campaignRequest{}, Response: CampaignDetail{}},
				{Method: get, Path: "/api/v1/campaigns/{id}", Perm: r, Place: camp, Handle: s.campaignGet, Response: CampaignDetail{}},
			}
		},
	}
}
