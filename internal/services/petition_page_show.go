package services

import (
	"net/http"

	"dangjian/internal/web"
)

// petitionPage is a case with its requests, its steps and the form of its
// next step.
type petitionPage struct {
	P Petition
	// Steps are the steps taken, in order, each with when.
	Steps []petitionStepDone
	// Next is the next step ("" when the case went through all), Form its
	// fields.
	Next     string
	Form     []web.Field
	CanWrite bool
}

// petitionStepDone is a step taken: its name and when.
type petitionStepDone struct {
	Step, When string
}

// show renders a case: its facts, the residents' requests (phones
// masked), the steps taken and, for a writer, the form of the next step.
func (p *petitionPages) show(w http.ResponseWriter, r *http.Request) {
	c, err := p.s.Petition(r.Context(), web.ParseID(r.PathValue("id")))
	if err != nil {
		p.Fail(w, r, err)
		return
	}
	pg := &petitionPage{P: c}
	steps := []petitionStepDone{{"receive", PetitionTime(c.ReceivedAt)}}
	for _, s := range []struct{ step, when string }{
		{"dispatch", PetitionTime(c.DispatchedAt)}, {"accept", PetitionTime(c.AcceptedAt)}, {"reply", PetitionTime(c.RepliedAt)},
		{"resolve", dayText(c.ResolvedOn.IsZero(), c.ResolvedOn.String())}, {"verify", dayText(c.VerifiedOn.IsZero(), c.VerifiedOn.String())},
		{"callback", dayText(c.CalledBackOn.IsZero(), c.CalledBackOn.String())},
	} {
		if s.when != "" {
			steps = append(steps, petitionStepDone{s.step, s.when})
		}
	}
	pg.Steps = steps
	pg.Next = nextStep(c)
	u, _ := web.Principal(r)
	pg.CanWrite = u.Can(WritePetitions)
	if pg.Next != "" && pg.CanWrite {
		pg.Form = p.stepFields(web.Lang(r), pg.Next, false)
		defaults := p.stepDefaults()
		for i := range pg.Form {
			pg.Form[i].Value = defaults.Get(pg.Form[i].Name)
		}
	}
	p.Render(w, r, http.StatusOK, "petition", &web.View{Title: c.Title, Nav: "petitions", D: pg})
}

// dayText is s unless the day is missing.
func dayText(missing bool, s string) string {
	if missing {
		return ""
	}
	return s
}

// nextStep is the step a case waits for ("" when it went through all; a
// verified case may still be called back, a called-back one unverified).
func nextStep(c Petition) string {
	switch {
	case c.DispatchedAt.IsZero():
		return "dispatch"
	case c.AcceptedAt.IsZero():
		return "accept"
	case c.RepliedAt.IsZero():
		return "reply"
	case c.ResolvedOn.IsZero():
		return "resolve"
	case c.VerifiedOn.IsZero():
		return "verify"
	case c.CalledBackOn.IsZero():
		return "callback"
	}
	return ""
}
