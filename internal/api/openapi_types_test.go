package api_test

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestBodyTypesMatchDocument compares, for every endpoint that declares its
// body types, the JSON fields of the request and response types with the
// properties of the documented schemas, nested objects and lists included:
// a field the document lacks, or a documented property the type lacks,
// fails it.
func TestBodyTypesMatchDocument(t *testing.T) {
	d := loadDoc(t)
	declared := 0
	for _, rt := range wholeAPI().Routes() {
		op := d.operation(rt)
		if op == nil {
			continue // TestRoutesMatchDocument reports it
		}
		label := rt.Method + " " + rt.Path
		if rt.Request != nil {
			declared++
			schema, err := d.bodySchema(op["requestBody"])
			if err != nil {
				t.Errorf("%s request: %v", label, err)
			} else {
				for _, p := range d.compareType(reflect.TypeOf(rt.Request), schema, "request") {
					t.Errorf("%s: %s", label, p)
				}
			}
		}
		if rt.Response != nil {
			declared++
			schema, err := d.successSchema(op)
			if err != nil {
				t.Errorf("%s response: %v", label, err)
			} else {
				for _, p := range d.compareType(reflect.TypeOf(rt.Response), schema, "response") {
					t.Errorf("%s: %s", label, p)
				}
			}
		}
	}
	if declared < 20 {
		t.Errorf("only %d body types declared", declared)
	}
}

// TestBodyTypeMismatchIsFound plants an undocumented field, a documented
// property without a field and a nested mismatch.
func TestBodyTypeMismatchIsFound(t *testing.T) {
	d := &openAPI{raw: map[string]any{"components": map[string]any{"schemas": map[string]any{
		"Inner": map[string]any{"type": "object", "properties": map[string]any{"a": map[string]any{"type": "string"}}},
	}}}}
	schema := map[string]any{"type": "object", "properties": map[string]any{
		"name":   map[string]any{"type": "string"},
		"gone":   map[string]any{"type": "string"},
		"inner":  map[string]any{"$ref": "#/components/schemas/Inner"},
		"inners": map[string]any{"type": "array", "items": map[string]any{"$ref": "#/components/schemas/Inner"}},
	}}
	type inner struct {
		A string `json:"a"`
		B int    `json:"b"`
	}
	type body struct {
		Name   string  `json:"name"`
		Extra  int     `json:"extra,omitempty"`
		Inner  inner   `json:"inner"`
		Inners []inner `json:"inners"`
		hidden int
	}
	got := d.compareType(reflect.TypeOf(body{}), schema, "x")
	want := []string{
		`x.extra: a field the document lacks`,
		`x.gone: documented, but the type has no such field`,
		`x.inner.b: a field the document lacks`,
		`x.inners[].b: a field the document lacks`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// bodySchema is the JSON schema of a request body.
func (d *openAPI) bodySchema(body any) (map[string]any, error) {
	rb, err := d.resolve(body)
	if err != nil {
		return nil, fmt.Errorf("no requestBody: %w", err)
	}
	media, _ := rb["content"].(map[string]any)["application/json"].(map[string]any)
	if media == nil {
		return nil, fmt.Errorf("no application/json request body")
	}
	return d.resolve(media["schema"])
}

// successSchema is the JSON schema of the lowest 2xx response.
func (d *openAPI) successSchema(op map[string]any) (map[string]any, error) {
	resps, _ := op["responses"].(map[string]any)
	var codes []string
	for c := range resps {
		if n, _ := strconv.Atoi(c); n >= 200 && n < 300 {
			codes = append(codes, c)
		}
	}
	if len(codes) == 0 {
		return nil, fmt.Errorf("no 2xx response")
	}
	sort.Strings(codes)
	r, err := d.resolve(resps[codes[0]])
	if err != nil {
		return nil, err
	}
	media, _ := r["content"].(map[string]any)["application/json"].(map[string]any)
	if media == nil {
		return nil, fmt.Errorf("no application/json response")
	}
	return d.resolve(media["schema"])
}

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
var jsonMarshaler = reflect.TypeFor[json.Marshaler]()

// compareType lists the differences between the JSON fields of t and the
// properties of schema, at path.
func (d *openAPI) compareType(t reflect.Type, schema map[string]any, path string) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Implements(textMarshaler) || t.Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(textMarshaler):
		return nil // a leaf with its own text form (a date)
	case t.Kind() == reflect.Slice:
		items, err := d.resolve(schema["items"])
		if err != nil {
			return []string{path + ": documented as no list"}
		}
		return d.compareType(t.Elem(), items, path+"[]")
	case t.Kind() != reflect.Struct:
		return nil
	}
	props, _ := schema["properties"].(map[string]any)
	fields := jsonFields(t)
	var out []string
	for name, ft := range fields {
		p, ok := props[name]
		if !ok {
			out = append(out, path+"."+name+": a field the document lacks")
			continue
		}
		sub, err := d.resolve(p)
		if err != nil {
			out = append(out, path+"."+name+": "+err.Error())
			continue
		}
		if all, ok := sub["allOf"].([]any); ok && len(all) == 1 {
			if sub, err = d.resolve(all[0]); err != nil {
				continue
			}
		}
		out = append(out, d.compareType(ft, sub, path+"."+name)...)
	}
	for name := range props {
		if _, ok := fields[name]; !ok {
			out = append(out, path+"."+name+": documented, but the type has no such field")
		}
	}
	sort.Strings(out)
	return out
}

// jsonFields maps the JSON names of t's fields to their types, embedded
// structs flattened, as encoding/json sees them.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			for k, v := range jsonFields(f.Type) {
				out[k] = v
			}
			continue
		}
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}
