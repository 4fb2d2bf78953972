package audit

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

// ScanOptions tune [Scan].
type ScanOptions struct {
	// Sample is how many rows of each table the detectors look at.
	// Default 1000.
	Sample int
	// AnySQL accepts SQL that pg_dump did not write (see
	// [dumpstream.Options.AnySQL]).
	AnySQL bool
	// Note, when set, receives notes: what scan could not look at (the
	// rows of a COPY that is not in the text format), never a value.
	Note func(msg string)
}

// Scan reads a dump (its schema, its keys and a bounded sample of each
// table's rows, streaming) and returns a starter rules file: every table
// with data and every column, personal ones with a suggested transformer
// and the reason, the rest `keep`. Columns joined by a foreign key share a
// transformer and a domain; columns in a primary key or unique constraint
// get `unique: true`. Each suggestion is compiled against its column's
// type and length, so the file passes `anondump check` as written.
func Scan(src io.Reader, name string, opt ScanOptions) (*ScanResult, error) {
	if opt.Sample < 0 {
		return nil, fmt.Errorf("scan: the sample size is %d; it must be positive (0 takes the default, 1000)", opt.Sample)
	}
	if opt.Sample == 0 {
		opt.Sample = 1000
	}
	s := &scanner{opt: opt, name: name, byName: map[[2]string]*scanTable{}}
	keys, err := s.read(src, name)
	if err != nil {
		return nil, err
	}
	for _, t := range s.tables {
		for _, c := range t.cols {
			c.suggest()
		}
	}
	s.applyKeys(keys)
	return &ScanResult{Source: name, Tables: s.tables}, nil
}

// ScanResult is a scanned dump, ready to be written as rules.
type ScanResult struct {
	Source string
	Tables []*scanTable
}

type scanTable struct {
	table   *dumpstream.Table
	cols    []*scanColumn
	inserts bool // rows as INSERT statements
	rows    int64
	sampler tableSampler // of the block being read
	// ins reads the INSERT statements' values, which are sampled like
	// COPY rows; insErr stops it after a statement it cannot read.
	ins    *dumpstream.InsertReader
	insErr bool
	dec    []byte
}

type scanColumn struct {
	t        *scanTable
	col      dumpstream.Column
	sampled  int
	detected map[string]int  // detector → values
	names    int             // sampled values that look like a person's name
	single   [2]int          // of those, single words that are a known first, last name
	paths    map[string]bool // JSON columns: where in the documents something looked personal
	// JSON columns, from jsonpath.Walk: the hits by path, whether some
	// hit (or a document) is out of a paths: rule's reach, and the paths:
	// rule suggested (path → rule) when transform is "paths".
	jpaths map[string]*pathHits
	jreach bool // some hit cannot be addressed by a path, or a document is not JSON
	jrules map[string]string
	// the suggestion
	transform string // "" = keep
	unique    bool
	domain    string
	length    int // hash length when the column is short
	reasons   []string
}

// scanner is scan's visitor of the dump.
type scanner struct {
	dumpstream.NopVisitor
	opt    ScanOptions
	name   string
	tables []*scanTable
	byName map[[2]string]*scanTable
	keys   []dumpstream.Constraint
}

// read is scan's one reading adapter: it walks the dump once (read-only),
// handing each COPY block to the scanner, and returns the keys the dump
// declares.
func (s *scanner) read(src io.Reader, name string) ([]dumpstream.Constraint, error) {
	_, err := dumpstream.WalkAny(src, s, dumpstream.Options{Name: name, AnySQL: s.opt.AnySQL})
	return s.keys, err
}

func (s *scanner) Constraint(k dumpstream.Constraint) error {
	s.keys = append(s.keys, k)
	return nil
}

// table returns the scanned table of t, created on first sight.
func (s *scanner) table(t *dumpstream.Table) *scanTable {
	key := [2]string{t.Schema, t.Name}
	st := s.byName[key]
	if st == nil {
		st = &scanTable{table: t}
		for _, c := range t.Columns {
			st.cols = append(st.cols, &scanColumn{t: st, col: c, detected: map[string]int{}})
		}
		s.byName[key] = st
		s.tables = append(s.tables, st)
	}
	return st
}

func (s *scanner) Inserts(t *dumpstream.Table) error {
	s.table(t).inserts = true
	return nil
}

// HoldInserts samples the INSERT statements of a table whose columns are
// known.
func (s *scanner) HoldInserts(t *dumpstream.Table) bool {
	return len(s.table(t).cols) > 0 && len(t.Columns) > 0
}

// Insert samples the values of one INSERT statement, as COPY rows are
// sampled, while some column of its table still needs values.
func (s *scanner) Insert(is *dumpstream.InsertStatement) error {
	st := s.table(is.Table)
	if st.insErr || st.full(s.opt.Sample) {
		return nil
	}
	if st.ins == nil {
		st.ins = dumpstream.NewInsertReader(is.Table)
	}
	n := min(len(st.cols), len(is.Table.Columns))
	err := st.ins.Rows(is, func(fields [][]byte) error {
		for i, c := range st.cols[:n] {
			f := fields[i]
			if c.sampled >= s.opt.Sample || string(f) == `\N` {
				continue
			}
			var err error
			if st.dec, err = dumpstream.AppendDecoded(st.dec[:0], f); err != nil {
				return err
			}
			c.sample(st.dec)
		}
		return nil
	})
	if err != nil {
		st.insErr = true
		s.notef("%s: the INSERT statements of table %s are sampled no further, so its suggestions come from the values before: %v", s.name, is.Table.QualifiedName(), err)
	}
	return nil
}

// Block samples the block's rows while some column of its table still
// needs values; the rows of other blocks are not even split.
func (s *scanner) Block(b *dumpstream.Block) (dumpstream.RowVisitor, error) {
	st := s.table(b.Table)
	n := min(len(st.cols), len(b.Table.Columns))
	if n == 0 || st.full(s.opt.Sample) {
		return nil, nil
	}
	switch {
	case !b.Text:
		s.notef("%s:%d: the rows of table %s are not in COPY's default text format: they are not sampled, so its suggestions come from the column names only", s.name, b.Line, b.Table.QualifiedName())
		return nil, nil
	case !b.Listed:
		return nil, nil // no column names (no column list, no CREATE TABLE): nothing to suggest
	}
	st.sampler = tableSampler{st: st, max: s.opt.Sample, n: n}
	return &st.sampler, nil
}

func (s *scanner) EndBlock(b *dumpstream.Block, rows int64) error {
	if st := s.byName[[2]string{b.Table.Schema, b.Table.Name}]; st != nil {
		st.rows += rows
	}
	return nil
}

func (s *scanner) notef(format string, a ...any) {
	if s.opt.Note != nil {
		s.opt.Note(fmt.Sprintf(format, a...))
	}
}

// full reports whether every column has its sample.
func (t *scanTable) full(max int) bool {
	for _, c := range t.cols {
		if c.sampled < max {
			return false
		}
	}
	return true
}

// tableSampler hands the first Sample non-NULL values of each column of a
// block to the detectors; once every column has its sample, the rest of
// the block is skipped.
type tableSampler struct {
	st  *scanTable
	max int
	n   int // columns sampled: those of both the table and the block
}

func (ts *tableSampler) Row(r *dumpstream.Row) error {
	if err := r.Fields(); err != nil {
		return err
	}
	full := true
	for i, c := range ts.st.cols[:ts.n] {
		if c.sampled >= ts.max || r.IsNull(i) {
			full = full && c.sampled >= ts.max
			continue
		}
		v, err := r.Value(i)
		if err != nil {
			return err
		}
		c.sample(v)
		full = full && c.sampled >= ts.max
	}
	if full && ts.st.full(ts.max) {
		return dumpstream.ErrSkipBlock
	}
	return nil
}

// maxNames bounds the values looked at as lists of people's names (a
// name is at most 60 bytes): a longer one is free text.
const maxNames = 64 << 10

// sample runs the detectors on one non-NULL value of the column.
func (c *scanColumn) sample(value []byte) {
	c.sampled++
	typ := c.col.Type
	var d string
	switch shape := shapeOf(typ); {
	case shape == shapeJSON && (typ == nil || typ.ArrayDims == 0):
		if h := detectJSON(value, c.jsonPath); h != "" {
			d = "json with " + h
		}
		c.walkPaths(value)
	default:
		d = DetectTyped(value, typ)
		if d == "" && shape == shapeText && len(value) <= maxNames && personNames(value) {
			c.names++
			if w := bytes.TrimSpace(value); bytes.IndexByte(w, ' ') < 0 {
				if isFirstName(string(w)) {
					c.single[0]++
				} else {
					c.single[1]++
				}
			}
		}
	}
	if d == "" && typ != nil && typ.ArrayDims > 0 {
		// An array: what its elements look like.
		_, _, _ = dumpstream.AppendArrayRewritten(nil, value, nil, func(dst, elem []byte) ([]byte, bool, error) {
			if d == "" {
				if e := Detect(elem); e != "" {
					d = "elements with " + strings.TrimPrefix(e, "text with ")
				}
			}
			return dst, false, nil
		})
	}
	if d != "" {
		c.detected[d]++
	}
}

// jsonPath notes where in the column's documents something looked
// personal (at most 5 paths).
func (c *scanColumn) jsonPath(path, _ string) {
	if c.paths == nil {
		c.paths = map[string]bool{}
	}
	if len(c.paths) < 5 {
		c.paths[path] = true
	}
}

// nameRule maps words of column names (English, French, German, Spanish)
// to a transformer.
type nameRule struct {
	re        *regexp.Regexp
	transform string
	what      string
}

var nameRules = []nameRule{
	{regexp.MustCompile(`^(e_?mail|mail|courriel|correo|adresse_?mail|email_?address|e_?mail_?adresse)`), "email", "an email address"},
	{regexp.MustCompile(`(^|_)(e_?mail|courriel|correo)($|_)`), "email", "an email address"},
	{regexp.MustCompile(`(^|_)(phone|telephone|tel|mobile|cell|fax|portable|telefon|handy|telefono|movil|celular)($|_|_?number|_?nr|_?no)`), "phone", "a phone number"},
	{regexp.MustCompile(`(^|_)(first_?name|given_?name|forename|prenom|vorname|nombre)($|_)`), "first_name", "a first name"},
	{regexp.MustCompile(`(^|_)(last_?name|surname|family_?name|nom|nom_?de_?famille|nachname|familienname|apellidos?)($|_)`), "last_name", "a last name"},
	{regexp.MustCompile(`^(full_?name|name|display_?name|contact_?name|nom_?complet|vollst(ae|a)ndiger_?name|nombre_?completo|customer_?name|recipient|reported_?by|author|owner_?name)$`), "full_name", "a person's name"},
	{regexp.MustCompile(`(^|_)(user_?name|username|login|pseudo|benutzername|usuario|handle|nickname)($|_)`), "username", "a user name"},
	{regexp.MustCompile(`(^|_)(ip|ip_?addr(ess)?|client_?ip|remote_?addr|last_?ip|adresse_?ip)($|_)`), "ipv4", "an IP address"},
	{regexp.MustCompile(`(^|_)(street|address|addr|adresse|rue|strasse|stra(ss|ß|s)e|anschrift|calle|direccion|domicilio|ship_?to|bill_?to)($|_|\d)`), "street_address", "a postal address"},
	{regexp.MustCompile(`(^|_)(city|town|ville|stadt|ort|wohnort|ciudad|localidad|municipio)($|_)`), "city", "a city"},
	{addressPart, "address_part", "an address component (district, region, county, …)"},
	{regexp.MustCompile(`(^|_)(zip|zip_?code|post_?code|postal_?code|code_?postal|plz|postleitzahl|codigo_?postal|cp)($|_)`), "postcode", "a postcode"},
	{regexp.MustCompile(`(^|_)(birth|dob|birthday|date_?of_?birth|naissance|geburt|geburtsdatum|nacimiento|fecha_?nacimiento)`), "date_of_birth", "a date of birth"},
	{regexp.MustCompile(`(^|_)(iban|bic|rib|bank_?account|kontonummer|cuenta)($|_)`), "iban", "a bank account"},
	{regexp.MustCompile(`(^|_)(card|card_?number|credit_?card|cc_?number|pan|carte|kreditkarte|tarjeta)($|_)`), "credit_card", "a card number"},
	{regexp.MustCompile(`(^|_)(ssn|social_?security|national_?id|nin|nino|nir|insee|secu|steuer_?id|personalausweis|ausweis|dni|nie|nif|passport|passeport|reisepass|pasaporte|tax_?id|id_?card)($|_)`), "hash", "a national identifier"},
	{regexp.MustCompile(`(^|_)(password|passwd|pwd|mot_?de_?passe|mdp|passwort|kennwort|contrasena|contraseña|password_?hash|pass_?hash)($|_)`), "const", "a password or its hash"},
	{regexp.MustCompile(`(^|_)(token|api_?key|secret|access_?key|refresh_?token|session_?key|jeton|schluessel|clave)($|_)`), "hash", "a secret or token"},
	{regexp.MustCompile(`(^|_)(photo|picture|avatar|portrait|selfie|headshot|foto|bild|imagen|retrato)($|_)`), "set_null", "a picture of a person"},
	{regexp.MustCompile(`(^|_)(company|employer|societe|entreprise|firma|arbeitgeber|empresa)($|_)`), "company", "an employer"},
	{regexp.MustCompile(`(^|_)(job_?title|occupation|profession|poste|metier|beruf|puesto|ocupacion)($|_)`), "job_title", "a job"},
	{regexp.MustCompile(`(^|_)(notes?|comments?|remarks?|bio|biography|about|message|body|description|commentaire|remarque|bemerkung|kommentar|nachricht|notiz|comentario|nota|mensaje)($|_)`), "lorem", "free text"},
}

// addressPart matches the names of address components other than the
// street, city and postcode (EN/FR/DE/ES); a bare "state" or "land" is one
// only next to other address columns (see suggest), as it is often a
// status.
var (
	addressPart = regexp.MustCompile(`(^|_)(district|county|province|region|prefecture|territory|suburb|neighbou?rhood|borough|departement|arrondissement|canton|commune|quartier|bundesland|landkreis|kreis|bezirk|gemeinde|provincia|comunidad|comarca|barrio|distrito|state_?province|address_?line_?\d|address\d)($|_)`)
	weakState   = regexp.MustCompile(`(^|_)(state|land|estado|etat|state_?code|region_?code)$`)
	// idColumn: a key column named after what it points to ("address_id",
	// "city_fk"): when it is a number, the name rules do not apply.
	idColumn = regexp.MustCompile(`_(id|ids|fk|no|nr|key)$`)
)

// personTable matches table names whose rows are people, for a column
// named just "name".
var personTable = regexp.MustCompile(`(^|_)(users?|customers?|clients?|clientes?|kunden?|employees?|staff|people|persons?|personne?s?|members?|contacts?|authors?|patients?|students?|utilisateurs?|usuarios?|benutzer|mitarbeiter|empleados?|salaries?|passengers?|guests?|owners?|subscribers?|accounts?)($|_)`)

// detectorTransform suggests a transformer for what the values look like.
var detectorTransform = map[string]string{
	"email": "email", "phone": "phone", "iban": "iban", "card": "credit_card", "ipv4": "ipv4", "ipv6": "ipv6",
	"national_id": "hash", "jwt": "hash", "api_key": "hash",
}

// words normalizes a column name to snake_case words: "eMail" → "e_mail",
// "Full Name" → "full_name", "Prénom" → "prenom".
func words(name string) string {
	var b strings.Builder
	prevLower := false
	for _, r := range name {
		if t, ok := fold[r]; ok {
			r = t
		}
		switch {
		case r >= 'A' && r <= 'Z':
			if prevLower {
				b.WriteByte('_')
			}
			b.WriteRune(r + 'a' - 'A')
			prevLower = false
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			prevLower = r >= 'a' && r <= 'z'
		default:
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "_") {
				b.WriteByte('_')
			}
			prevLower = false
		}
	}
	return strings.Trim(b.String(), "_")
}

var fold = map[rune]rune{'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e', 'É': 'E', 'È': 'E', 'Ê': 'E', 'à': 'a', 'â': 'a', 'ä': 'a',
	'á': 'a', 'ã': 'a', 'å': 'a', 'Ä': 'A', 'À': 'A', 'Â': 'A', 'Á': 'A', 'ç': 'c', 'Ç': 'C', 'ñ': 'n', 'Ñ': 'N',
	'ó': 'o', 'ô': 'o', 'ö': 'o', 'ò': 'o', 'õ': 'o', 'ø': 'o', 'Ö': 'O', 'Ó': 'O', 'Ô': 'O', 'ú': 'u', 'ü': 'u',
	'û': 'u', 'ù': 'u', 'Ü': 'U', 'Ú': 'U', 'Û': 'U', 'í': 'i', 'î': 'i', 'ï': 'i', 'ì': 'i', 'Í': 'I', 'Î': 'I',
	'ÿ': 'y', 'ß': 's'}

// suggest picks a transformer from the column's name and sampled values.
func (c *scanColumn) suggest() {
	w := words(c.col.Name)
	for _, nr := range nameRules {
		if idColumn.MatchString(w) && shapeOf(c.col.Type) == shapeNumber {
			break // a numeric key named after what it points to
		}
		if nr.re.MatchString(w) {
			c.transform = nr.transform
			c.reasons = append(c.reasons, fmt.Sprintf("the name says %s", nr.what))
			break
		}
	}
	if c.transform == "" && weakState.MatchString(w) {
		c.transform = "address_part"
		c.reasons = append(c.reasons, "the name says an address component")
	}
	if c.transform == "address_part" {
		// A district or a state is personal in a person's address; in a
		// table of places (a city's district, a country's region) it is
		// not. Kept unless the table has other personal columns.
		if c.t != nil && !c.personalSibling() {
			c.transform, c.reasons = "", nil
		} else {
			c.transform = "city" // the closest transformer to a place name
			c.reasons[len(c.reasons)-1] += ", next to other personal columns"
		}
	}
	// A column named just "name" holds people's names in a table of people,
	// or when its values look like names; elsewhere it names things.
	if w == "name" && c.transform == "full_name" && c.t != nil && !personTable.MatchString(words(c.t.table.Name)) &&
		(c.sampled == 0 || c.names*10 < c.sampled*3) {
		c.transform, c.reasons = "", nil
	}
	// Values that look like people's names: most of the sample is one to
	// three capitalised words found in the name dictionaries.
	if c.transform == "" && c.sampled >= 5 && c.names*2 >= c.sampled {
		c.transform = "full_name"
		switch {
		case c.single[0]*5 >= c.names*4:
			c.transform = "first_name"
		case c.single[1]*5 >= c.names*4:
			c.transform = "last_name"
		}
		c.reasons = append(c.reasons, fmt.Sprintf("%d of %d sampled values look like people's names", c.names, c.sampled))
	}
	// What the values look like: the most frequent detector, if it covers
	// a fair share of the sample (any share for free text).
	best, n := "", 0
	for d, k := range c.detected {
		if k > n || k == n && d < best {
			best, n = d, k
		}
	}
	if n > 0 && strings.HasPrefix(best, "json with ") {
		// Until rules address paths inside documents, the whole document
		// goes: NULL when the column allows it, else an empty object.
		paths := make([]string, 0, len(c.paths))
		for p := range c.paths {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		c.reasons = append(c.reasons, fmt.Sprintf("%d of %d sampled documents hold personal data (at %s)", n, c.sampled, strings.Join(paths, ", ")))
		c.transform = "json"
		if c.jrules = c.stablePaths(); c.jrules != nil {
			c.transform = "paths"
			c.reasons = append(c.reasons, "the paths: rule rewrites those leaves and keeps the rest of each document")
		}
		n = 0
	}
	if n > 0 {
		c.reasons = append(c.reasons, fmt.Sprintf("%d of %d sampled values look like %s", n, c.sampled, best))
		if c.transform == "" {
			switch {
			case strings.HasPrefix(best, "text with "):
				c.transform = "lorem"
			case strings.HasPrefix(best, "elements with "):
				c.transform = detectorTransform[strings.TrimPrefix(best, "elements with ")]
				if c.transform == "" {
					c.transform = "lorem"
				}
			case n*5 >= c.sampled: // at least 20%
				c.transform = detectorTransform[best]
			}
		}
	}
	c.fit()
}

// fit makes the suggestion compile for the column's type and length, or
// falls back (uuid columns get uuid; other types set_null or keep).
func (c *scanColumn) fit() {
	if c.transform == "" || c.transform == "paths" {
		return
	}
	target := targetOf(c.col.Type)
	if target.Class == fakers.ClassJSON || c.transform == "json" {
		// No transformer writes inside a document: the whole of it is
		// replaced, by NULL when allowed, else by '{}'.
		if c.col.Type == nil || !c.col.Type.NotNull {
			c.transform = "set_null"
		} else if target.Class == fakers.ClassJSON {
			c.transform = "const"
		} else {
			c.transform = "json" // a text column: fall through to the others
		}
		if c.transform != "json" {
			return
		}
		c.transform = "lorem"
	}
	try := func(transform string) bool {
		def, _ := fakers.Lookup(transform)
		p := fakers.Params{Target: target, Unique: c.unique, Value: "x", Length: c.length}
		if transform == "const" {
			p.Value = constFor(target)
		}
		if _, err := def.New(p); err != nil {
			return false
		}
		c.transform = transform
		return true
	}
	candidates := []string{c.transform}
	switch target.Class {
	case fakers.ClassUUID:
		candidates = []string{"uuid"}
	case fakers.ClassInet, fakers.ClassCIDR:
		candidates = []string{"ipv4"}
	case fakers.ClassDate, fakers.ClassTimestamp, fakers.ClassTimestampTZ:
		candidates = []string{"date_of_birth"}
	}
	candidates = append(candidates, "hash", "mask")
	for _, t := range candidates {
		if t == "hash" && target.MaxLen > 0 && target.MaxLen < 32 {
			c.length = target.MaxLen
		}
		if try(t) {
			return
		}
		c.length = 0
	}
	if c.col.Type == nil || !c.col.Type.NotNull {
		c.transform = "set_null"
		c.reasons = append(c.reasons, "no transformer writes this type; set to NULL")
		return
	}
	c.reasons = append(c.reasons, "REVIEW: no transformer writes this NOT NULL type; kept")
	c.transform = ""
}

func constFor(t fakers.Target) string {
	switch t.Class {
	case fakers.ClassInt, fakers.ClassNumeric:
		return "0"
	case fakers.ClassBool:
		return "false"
	case fakers.ClassJSON:
		return "{}"
	}
	return "redacted"
}

// personalSibling reports whether the column's table has other columns
// whose names say they are personal (a street, a postcode, a phone, a
// city, a name, …; not other address components, free text, employers
// or jobs).
func (c *scanColumn) personalSibling() bool {
	for _, o := range c.t.cols {
		if o == c {
			continue
		}
		w := words(o.col.Name)
		if idColumn.MatchString(w) && shapeOf(o.col.Type) == shapeNumber || w == "name" && !personTable.MatchString(words(c.t.table.Name)) {
			continue
		}
		for _, nr := range nameRules {
			if nr.re.MatchString(w) {
				if keyKinds[nr.transform] && nr.transform != "address_part" {
					return true
				}
				break
			}
		}
	}
	return false
}

// uniqueCapable reports whether a transformer can keep distinct values
// distinct (with unique: true), at this hash length.
func uniqueCapable(transform string, length int) bool {
	def, ok := fakers.Lookup(transform)
	if !ok || !def.Unique {
		return false
	}
	return transform != "hash" || length == 0 || length >= 16
}

// applyKeys sets unique: true on rewritten columns of single-column keys,
// and gives both sides of a foreign key the referenced column's rule and a
// shared domain.
func (s *scanner) applyKeys(keys []dumpstream.Constraint) {
	col := func(table [2]string, name string) *scanColumn {
		if t := s.byName[table]; t != nil {
			for _, c := range t.cols {
				if c.col.Name == name {
					return c
				}
			}
		}
		return nil
	}
	// Foreign keys first, so that a domain's uniqueness reaches its
	// referencing columns' suggestions consistently.
	for _, k := range keys {
		if k.Kind != dumpstream.ForeignKey {
			continue
		}
		for i, name := range k.Columns {
			if i >= len(k.RefColumns) {
				break
			}
			child, parent := col(k.Table, name), col(k.RefTable, k.RefColumns[i])
			if child == nil || parent == nil {
				continue
			}
			if parent.transform == "" && child.transform != "" {
				// The referenced side looks personal only through the
				// child: rewrite both alike.
				parent.transform, parent.length, parent.jrules = child.transform, child.length, child.jrules
				parent.reasons = append(parent.reasons, "referenced by "+child.t.table.QualifiedName()+"."+child.col.Name)
			}
			if parent.transform == "" {
				if child.transform != "" {
					child.reasons = append(child.reasons, "kept: it references the kept "+parent.t.table.QualifiedName()+"."+parent.col.Name)
				}
				child.transform = ""
				continue
			}
			domain := parent.domain
			if domain == "" {
				domain = words(parent.t.table.Name) + "_" + words(parent.col.Name)
			}
			parent.domain, child.domain = domain, domain
			child.transform, child.length, child.jrules = parent.transform, parent.length, parent.jrules
			child.reasons = append(child.reasons, fmt.Sprintf("references %s.%s: same transformer and domain so the join survives", parent.t.table.QualifiedName(), parent.col.Name))
		}
	}
	for _, k := range keys {
		if k.Kind == dumpstream.ForeignKey || len(k.Columns) != 1 {
			continue
		}
		c := col(k.Table, k.Columns[0])
		if c == nil || c.transform == "" || c.transform == "set_null" && k.Kind == dumpstream.Unique {
			continue
		}
		if c.transform == "set_null" { // in a primary key: cannot be NULL
			c.transform, c.length = "hash", 0
		}
		if !uniqueCapable(c.transform, c.length) {
			c.transform, c.length = "hash", 0
			if mx := targetOf(c.col.Type).MaxLen; mx > 0 && mx < 32 {
				c.length = mx
			}
		}
		c.unique = true
		what := "unique constraint"
		if k.Kind == dumpstream.PrimaryKey {
			what = "primary key"
		}
		c.reasons = append(c.reasons, "in a "+what+", so unique")
		c.fit()
	}
	// Uniqueness belongs to the domain: every column of a unique domain
	// is written with unique: true.
	uniqueDomains := map[string]bool{}
	for _, t := range s.tables {
		for _, c := range t.cols {
			if c.unique && c.domain != "" {
				uniqueDomains[c.domain] = true
			}
		}
	}
	for _, t := range s.tables {
		for _, c := range t.cols {
			if uniqueDomains[c.domain] && c.transform != "" && !c.unique {
				c.unique = true
				c.fit()
			}
		}
	}
}

// targetOf is the target the rules compile a column's rule against
// (arrays element by element).
func targetOf(t *dumpstream.Type) fakers.Target {
	return rules.TargetOf(t, t != nil && t.ArrayDims > 0)
}

// WriteYAML writes the starter rules file.
func (r *ScanResult) WriteYAML(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Rules suggested by `anondump scan` for %s.\n", r.Source)
	b.WriteString("# Every table with data and every column is listed: personal-looking columns\n")
	b.WriteString("# get a transformer (the comment says why), the rest `keep`. Review each line,\n")
	b.WriteString("# then run `anondump check -c anon.yaml dump.sql`.\n")
	b.WriteString("version: 1\ntables:\n")
	tables := append([]*scanTable(nil), r.Tables...)
	sort.SliceStable(tables, func(i, j int) bool {
		return tables[i].table.QualifiedName() < tables[j].table.QualifiedName()
	})
	for _, t := range tables {
		if len(t.cols) == 0 {
			continue
		}
		fmt.Fprintf(&b, "  %s:\n", rules.YAMLKey(t.table.QualifiedName()))
		b.WriteString("    columns:\n")
		width := 0
		lines := make([]string, len(t.cols))
		for i, c := range t.cols {
			lines[i] = fmt.Sprintf("      %s: %s", rules.YAMLKey(c.col.Name), c.rule())
			width = max(width, len(lines[i]))
		}
		for i, c := range t.cols {
			b.WriteString(lines[i])
			if len(c.reasons) > 0 {
				b.WriteString(strings.Repeat(" ", width-len(lines[i])+2))
				b.WriteString("# " + strings.Join(c.reasons, "; "))
			}
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// rule writes the column's rule in the short form when it can.
func (c *scanColumn) rule() string {
	if c.transform == "" {
		return "keep"
	}
	if c.transform == "paths" {
		return pathsYAML("", c.jrules)
	}
	var opts []string
	if c.unique {
		opts = append(opts, "unique: true")
	}
	if c.domain != "" {
		opts = append(opts, "domain: "+rules.YAMLKey(c.domain))
	}
	if c.transform == "const" {
		opts = append(opts, "value: "+rules.YAMLKey(constFor(targetOf(c.col.Type))))
	}
	if c.transform == "hash" && c.length > 0 {
		opts = append(opts, fmt.Sprintf("length: %d", c.length))
	}
	if len(opts) == 0 {
		return c.transform
	}
	return "{transform: " + c.transform + ", " + strings.Join(opts, ", ") + "}"
}
