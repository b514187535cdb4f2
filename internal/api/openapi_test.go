package api_test

import (
	"dangjian/internal/api"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// openAPI is the parsed document, kept generic so that the tests read it as
// a client would.
type openAPI struct {
	raw map[string]any
}

func loadDoc(t *testing.T) *openAPI {
	t.Helper()
	var raw map[string]any
	if err := json.Unmarshal(mustDocument(t), &raw); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	return &openAPI{raw: raw}
}

// operations returns "METHOD path" for every operation in the document.
func (d *openAPI) operations() []string {
	var out []string
	paths, _ := d.raw["paths"].(map[string]any)
	for p, item := range paths {
		for m := range item.(map[string]any) {
			switch m {
			case "get", "put", "post", "delete", "options", "head", "patch", "trace":
				out = append(out, strings.ToUpper(m)+" "+p)
			}
		}
	}
	sort.Strings(out)
	return out
}

func (d *openAPI) operation(rt api.Route) map[string]any {
	item, _ := d.raw["paths"].(map[string]any)[rt.Path].(map[string]any)
	op, _ := item[strings.ToLower(rt.Method)].(map[string]any)
	return op
}

// resolve follows a local $ref.
func (d *openAPI) resolve(v any) (map[string]any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("not an object: %v", v)
	}
	ref, ok := m["$ref"].(string)
	if !ok {
		return m, nil
	}
	var cur any = d.raw
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		cm, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("unresolvable $ref %s", ref)
		}
		if cur, ok = cm[part]; !ok {
			return nil, fmt.Errorf("unresolvable $ref %s", ref)
		}
	}
	return d.resolve(cur)
}

func TestOpenAPIDocumentIsOpenAPI3(t *testing.T) {
	d := loadDoc(t)
	if v, _ := d.raw["openapi"].(string); !strings.HasPrefix(v, "3.") {
		t.Errorf("openapi = %q, want 3.x", v)
	}
	info, _ := d.raw["info"].(map[string]any)
	if info["title"] == nil || info["version"] == nil {
		t.Errorf("info lacks title or version: %v", info)
	}
	if len(d.operations()) == 0 {
		t.Fatal("no paths")
	}
	// Every $ref resolves.
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if _, ok := x["$ref"]; ok {
				if _, err := d.resolve(x); err != nil {
					t.Error(err)
				}
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	walk(d.raw)
}

// TestRoutesMatchDocument fails when a route is served but not documented,
// or documented but not served.
func TestRoutesMatchDocument(t *testing.T) {
	d := loadDoc(t)
	var served []string
	for _, rt := range wholeAPI().Routes() {
		served = append(served, (rt.Method + " " + rt.Path))
	}
	sort.Strings(served)
	documented := d.operations()
	if strings.Join(served, "\n") != strings.Join(documented, "\n") {
		t.Errorf("routes and document differ\nserved:\n  %s\ndocumented:\n  %s", strings.Join(served, "\n  "), strings.Join(documented, "\n  "))
	}
	// Register mounts exactly the table: each route reaches its own pattern.
	mux := http.NewServeMux()
	wholeAPI().Register(mux)
	for _, rt := range wholeAPI().Routes() {
		p := strings.NewReplacer("{id}", "1", "{key}", "communities.total").Replace(rt.Path)
		if _, got := mux.Handler(httptest.NewRequest(rt.Method, p, nil)); got != (rt.Method + " " + rt.Path) {
			t.Errorf("%s %s is served by %q, want %q", rt.Method, p, got, (rt.Method + " " + rt.Path))
		}
	}
}

var pathParam = regexp.MustCompile(`\{([^}]+)\}`)

// TestOperationsDeclareTheirParameters checks each operation: path
// parameters declared, responses present, errors using the Error schema.
func TestOperationsDeclareTheirParameters(t *testing.T) {
	d := loadDoc(t)
	errRef := "#/components/schemas/Error"
	for _, rt := range wholeAPI().Routes() {
		op := d.operation(rt)
		if op == nil {
			continue // reported by TestRoutesMatchDocument
		}
		declared := map[string]bool{}
		params, _ := op["parameters"].([]any)
		for _, p := range params {
			pm, err := d.resolve(p)
			if err != nil {
				t.Error(err)
				continue
			}
			if pm["in"] == "path" {
				declared[pm["name"].(string)] = true
			}
		}
		for _, m := range pathParam.FindAllStringSubmatch(rt.Path, -1) {
			if !declared[m[1]] {
				t.Errorf("%s: path parameter %s not declared", (rt.Method + " " + rt.Path), m[1])
			}
		}
		resps, _ := op["responses"].(map[string]any)
		if len(resps) == 0 {
			t.Errorf("%s: no responses", (rt.Method + " " + rt.Path))
		}
		for code, r := range resps {
			n, _ := strconv.Atoi(code)
			if n < 400 {
				continue
			}
			rm, err := d.resolve(r)
			if err != nil {
				t.Error(err)
				continue
			}
			s, _ := rm["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
			if s["$ref"] != errRef {
				t.Errorf("%s %s: error response does not use %s", (rt.Method + " " + rt.Path), code, errRef)
			}
		}
		if rt.Method == http.MethodPost {
			if _, ok := op["requestBody"]; !ok {
				t.Errorf("%s: no requestBody", (rt.Method + " " + rt.Path))
			}
		}
	}
}

func TestOpenAPIServed(t *testing.T) {
	mux := http.NewServeMux()
	wholeAPI().Register(mux)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/openapi.json", nil))
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") || !json.Valid(rec.Body.Bytes()) {
		t.Fatalf("GET /api/openapi.json: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}

// checkResponse fails when the document does not list status for rt, or
// when a JSON body does not match the documented schema.
func (d *openAPI) checkResponse(t *testing.T, label string, rt api.Route, status int, contentType string, body []byte) {
	t.Helper()
	op := d.operation(rt)
	if op == nil {
		return
	}
	r, ok := op["responses"].(map[string]any)[strconv.Itoa(status)]
	if !ok {
		t.Errorf("%s: status %d is not documented for %s", label, status, (rt.Method + " " + rt.Path))
		return
	}
	resp, err := d.resolve(r)
	if err != nil {
		t.Error(err)
		return
	}
	mt, _, _ := strings.Cut(contentType, ";")
	content, _ := resp["content"].(map[string]any)
	media, ok := content[mt].(map[string]any)
	if !ok {
		t.Errorf("%s: content type %s is not documented for %d", label, mt, status)
		return
	}
	if mt != "application/json" || rt.Path == "/api/openapi.json" {
		return
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Errorf("%s: body is not JSON: %v", label, err)
		return
	}
	for _, p := range d.validate(media["schema"], v, "$") {
		t.Errorf("%s: response does not match the document: %s", label, p)
	}
}

// checkRequest fails when an accepted request body does not match the
// documented request schema.
func (d *openAPI) checkRequest(t *testing.T, label string, rt api.Route, body []byte) {
	t.Helper()
	op := d.operation(rt)
	rb, ok := op["requestBody"].(map[string]any)
	if !ok {
		t.Errorf("%s: %s takes a body but documents none", label, (rt.Method + " " + rt.Path))
		return
	}
	schema := rb["content"].(map[string]any)["application/json"].(map[string]any)["schema"]
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Errorf("%s: request is not JSON: %v", label, err)
		return
	}
	for _, p := range d.validate(schema, v, "request") {
		t.Errorf("%s: accepted request does not match the document: %s", label, p)
	}
}

// validate checks v against the subset of JSON Schema the document uses:
// $ref, allOf, type, properties, required, items, enum. Responses are
// checked strictly: a property the schema does not declare is a problem.
func (d *openAPI) validate(schema any, v any, at string) []string {
	s, err := d.resolve(schema)
	if err != nil {
		return []string{at + ": " + err.Error()}
	}
	var probs []string
	props := map[string]any{}
	var required []any
	d.collect(s, props, &required)
	probs = append(probs, d.validateNonObject(s, v, at)...)
	if obj, ok := v.(map[string]any); ok && len(props) > 0 {
		for _, r := range required {
			if _, ok := obj[r.(string)]; !ok {
				probs = append(probs, at+": missing required "+r.(string))
			}
		}
		for k, val := range obj {
			ps, ok := props[k]
			if !ok {
				probs = append(probs, at+": undocumented property "+k)
				continue
			}
			probs = append(probs, d.validate(ps, val, at+"."+k)...)
		}
	}
	return probs
}

// collect gathers the properties and required names of s and its allOf.
func (d *openAPI) collect(s map[string]any, props map[string]any, required *[]any) {
	if p, ok := s["properties"].(map[string]any); ok {
		for k, v := range p {
			props[k] = v
		}
	}
	if r, ok := s["required"].([]any); ok {
		*required = append(*required, r...)
	}
	if all, ok := s["allOf"].([]any); ok {
		for _, sub := range all {
			if sm, err := d.resolve(sub); err == nil {
				d.collect(sm, props, required)
			}
		}
	}
}

// validateNonObject checks type, enum and array items of s and its allOf;
// validate checks the properties.
func (d *openAPI) validateNonObject(schema any, v any, at string) []string {
	s, err := d.resolve(schema)
	if err != nil {
		return []string{at + ": " + err.Error()}
	}
	var probs []string
	if typ, ok := s["type"].(string); ok {
		okType := false
		switch x := v.(type) {
		case map[string]any:
			okType = typ == "object"
		case []any:
			okType = typ == "array"
			if items, ok := s["items"]; ok && okType {
				for i, e := range x {
					probs = append(probs, d.validate(items, e, fmt.Sprintf("%s[%d]", at, i))...)
				}
			}
		case string:
			okType = typ == "string"
		case bool:
			okType = typ == "boolean"
		case float64:
			okType = typ == "number" || (typ == "integer" && x == float64(int64(x)))
		case nil:
			okType = typ == "null"
		}
		if !okType {
			probs = append(probs, fmt.Sprintf("%s: %v is not of type %s", at, v, typ))
		}
	}
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if e == v {
				found = true
			}
		}
		if !found {
			probs = append(probs, fmt.Sprintf("%s: %v is not one of %v", at, v, enum))
		}
	}
	if all, ok := s["allOf"].([]any); ok {
		for _, sub := range all {
			probs = append(probs, d.validateNonObject(sub, v, at)...)
		}
	}
	return probs
}
