package cmd

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionOf(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, tc := range []struct {
		bi   *debug.BuildInfo
		want string
	}{
		{nil, "devel"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		// go install . in a clone built with -buildvcs: the commit.
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: settings("vcs.revision", "0123456789abcdef0123", "vcs.modified", "false")}, "devel+0123456789ab"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: settings("vcs.revision", "0123456789abcdef0123", "vcs.modified", "true")}, "devel+0123456789ab-dirty"},
	} {
		if got := versionOf(tc.bi); got != tc.want {
			t.Errorf("versionOf(%+v) = %q, want %q", tc.bi, got, tc.want)
		}
	}
}

func TestClosestCommand(t *testing.T) {
	commands := []string{"check", "completion", "help", "scan", "transformers", "validate", "verify", "version"}
	for in, want := range map[string]string{
		"scna": "scan", "verfy": "verify", "vrify": "verify", "chek": "check", "valdiate": "validate",
		"versoin": "version", "sacn": "scan", "transformer": "transformers",
		"dump.sql": "", "db": "", "x": "", "scanner.sql": "", "verify2.sql": "",
	} {
		if got := closestCommand(in, commands); got != want {
			t.Errorf("closestCommand(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOutputErrorsNameThePath: an error writing or committing -o names
// the path the user gave, never the hidden temporary file.
func TestOutputErrorsNameThePath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.sql")
	w, commit, abort, err := atomicFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Something takes the path meanwhile: the rename fails.
	if err := os.MkdirAll(filepath.Join(path, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("x")); err != nil {
		t.Fatal(err)
	}
	err = commit()
	if err == nil || !strings.HasPrefix(err.Error(), "-o "+path+": ") || strings.Contains(err.Error(), ".anondump-") {
		t.Errorf("commit error %v; want one naming -o %s and not the temporary file", err, path)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*anondump-*")); len(m) > 0 {
		t.Errorf("a failed commit left %v", m)
	}
	abort()

	w, _, abort, err = atomicFile(filepath.Join(dir, "b.sql"))
	if err != nil {
		t.Fatal(err)
	}
	abort() // closes the file: the next write fails
	_, err = w.Write([]byte("x"))
	if err == nil || !strings.HasPrefix(err.Error(), "-o "+filepath.Join(dir, "b.sql")+": ") || strings.Contains(err.Error(), ".anondump-") {
		t.Errorf("write error %v; want one naming -o b.sql and not the temporary file", err)
	}
}
