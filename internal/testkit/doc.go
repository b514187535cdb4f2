// Package testkit is the one test world of the application: a small
// district built through app.New (or the demo district), the accounts that
// call it, and one scenario type (request, status, body fragments) that
// page, API and domain tests share. Only tests import it.
package testkit
