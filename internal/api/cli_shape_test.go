package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/cli"
	"dangjian/internal/db"
	"dangjian/internal/demo"
)

// TestFiguresMatchTheCommandLine requires GET /api/v1/figures to answer
// exactly what `dangjian figures --format json` prints for the same
// database, scope and period.
func TestFiguresMatchTheCommandLine(t *testing.T) {
	ctx := context.Background()
	url := "sqlite:" + filepath.Join(t.TempDir(), "demo.db")
	d, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	store := area.NewStore(d)
	if err := demo.Load(ctx, store); err != nil {
		t.Fatal(err)
	}
	accounts := &auth.Store{DB: d, Params: auth.TestParams, Now: time.Now}
	admin, pw, err := accounts.Create(ctx, auth.NewAccount{Username: "admin", Role: auth.Admin})
	if err != nil {
		t.Fatal(err)
	}
	if err := accounts.ChangePassword(ctx, admin.ID, pw, "Test-Passw0rd-1", ""); err != nil {
		t.Fatal(err)
	}
	_, token, err := accounts.CreateToken(ctx, admin.ID, "test", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	apiHandler(d, accounts, nil).Register(mux)
	for _, args := range [][]string{
		{},
		{"--area", "河东街道", "--from", "2000-01-01", "--to", "2100-12-31"},
	} {
		var out, errOut bytes.Buffer
		env := cli.Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
		if code := cli.Main(ctx, append([]string{"figures", "--format", "json", "--db", url}, args...), env); code != 0 {
			t.Fatalf("cli %v: exit %d: %s", args, code, errOut.String())
		}
		q := ""
		for i := 0; i+1 < len(args); i += 2 {
			q += "&" + args[i][2:] + "=" + args[i+1]
		}
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/api/v1/figures?lang=zh"+q, nil)
		req.Header.Set("Authorization", "Bearer "+token)
		mux.ServeHTTP(rec, req)
		var fromCLI, fromAPI any
		if err := json.Unmarshal(out.Bytes(), &fromCLI); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &fromAPI); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fromCLI, fromAPI) {
			t.Errorf("%v: the API and the command line differ\ncli: %s\napi: %s", args, out.String(), rec.Body.String())
		}
	}
}
