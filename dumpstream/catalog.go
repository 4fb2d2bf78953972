package dumpstream

import (
	"maps"
	"slices"
)

// catalog remembers the column types the dump declared and the current
// search_path, per database (it is reset at every \connect).
type catalog struct {
	tables     map[[2]string]*tableDef
	composites map[[2]string]*tableDef
	domains    map[[2]string]*domainDef
	path       []string // the search_path; nil: the default
}

func (c *catalog) reset() {
	c.tables = map[[2]string]*tableDef{}
	c.composites = map[[2]string]*tableDef{}
	c.domains = map[[2]string]*domainDef{}
	c.path = nil
}

// clone returns a copy of c whose maps can change apart from c's (the
// definitions they point at are shared).
func (c *catalog) clone() catalog {
	return catalog{tables: maps.Clone(c.tables), composites: maps.Clone(c.composites), domains: maps.Clone(c.domains), path: slices.Clone(c.path)}
}

func (c *catalog) addTable(t *tableDef) {
	if t.composite {
		c.composites[[2]string{t.schema, t.name}] = t
	} else {
		c.tables[[2]string{t.schema, t.name}] = t
	}
}

func (c *catalog) addDomain(d *domainDef) { c.domains[[2]string{d.schema, d.name}] = d }

// addParent records that child inherits from (or is a partition of)
// parent, when ALTER TABLE says so after both CREATE TABLEs.
func (c *catalog) addParent(child, parent [2]string) {
	if t := c.tables[child]; t != nil {
		t.parents = append(t.parents, parent)
	}
}

// ancestors lists the tables t inherits from or is a partition of,
// nearest first, each once.
func (c *catalog) ancestors(t *tableDef) [][2]string {
	var out [][2]string
	seen := map[[2]string]bool{{t.schema, t.name}: true}
	queue := t.parents
	for len(queue) > 0 && len(out) < 64 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
		if pt := c.tables[p]; pt != nil {
			queue = append(queue, pt.parents...)
		}
	}
	return out
}

// table returns the declared table, or nil.
func (c *catalog) table(schema, name string) *tableDef {
	return c.tables[[2]string{schema, name}]
}

// columns lists a table's columns in attnum order: inherited ones first,
// then its own, each once.
func (c *catalog) columns(t *tableDef) []columnDef {
	var out []columnDef
	seen := map[string]bool{}
	var walk func(t *tableDef, depth int)
	walk = func(t *tableDef, depth int) {
		if depth > 32 { // an inheritance cycle cannot exist in a real dump
			return
		}
		for _, p := range t.parents {
			if pt := c.tables[p]; pt != nil {
				walk(pt, depth+1)
			}
		}
		if ct := c.composites[t.ofType]; ct != nil {
			for _, col := range ct.columns {
				if !seen[col.name] {
					seen[col.name] = true
					out = append(out, col)
				}
			}
		}
		for _, col := range t.columns {
			if seen[col.name] {
				// A typed table's column clause adds constraints only.
				for i := range out {
					if out[i].name == col.name && col.typ.NotNull {
						out[i].typ.NotNull = true
					}
				}
				continue
			}
			seen[col.name] = true
			out = append(out, col)
		}
	}
	walk(t, 0)
	return out
}

// resolve returns typ with domains replaced by their base type.
func (c *catalog) resolve(typ Type) *Type {
	t := typ
	for range 16 { // domains over domains, bounded
		key := [2]string{t.Schema, t.Name}
		if t.Schema == "" {
			key[0] = c.qualify("", t.Name, c.hasDomain)
		}
		d := c.domains[key]
		if d == nil {
			break
		}
		dims, notNull, dom := t.ArrayDims, t.NotNull, t.Domain
		if dom == "" {
			dom = QuoteIdent(d.schema) + "." + QuoteIdent(d.name)
		}
		t = d.base
		t.ArrayDims += dims
		t.NotNull = t.NotNull || notNull
		t.Domain = dom
	}
	return &t
}

// setPath sets the search_path; nil is the default ("$user", public).
func (c *catalog) setPath(p []string) { c.path = p }

// qualify returns the schema an unqualified name resolves to: the first
// schema of the search_path that holds a declared object of that name (in
// has), else the first schema on the path where it would be created (not
// pg_catalog, "$user" skipped), else public. A qualified name is returned
// as it is.
func (c *catalog) qualify(schema, name string, has func(key [2]string) bool) string {
	if schema != "" {
		return schema
	}
	path := c.path
	if path == nil {
		path = defaultPath
	}
	for _, s := range path {
		if s != "$user" && has != nil && has([2]string{s, name}) {
			return s
		}
	}
	for _, s := range path {
		if s != "$user" && s != "pg_catalog" {
			return s
		}
	}
	return "public"
}

var defaultPath = []string{"$user", "public"}

func (c *catalog) hasTable(k [2]string) bool     { return c.tables[k] != nil }
func (c *catalog) hasComposite(k [2]string) bool { return c.composites[k] != nil }
func (c *catalog) hasDomain(k [2]string) bool    { return c.domains[k] != nil }

// qualifyTable resolves a relation name against the search_path.
func (c *catalog) qualifyTable(n [2]string) [2]string {
	return [2]string{c.qualify(n[0], n[1], c.hasTable), n[1]}
}

// qualifyDef resolves the names a CREATE TABLE or CREATE TYPE uses: its
// own, its parents', its row type's, and the domains its columns use.
func (c *catalog) qualifyDef(t *tableDef) {
	if t.composite {
		t.schema = c.qualify(t.schema, t.name, c.hasComposite)
	} else {
		t.schema = c.qualify(t.schema, t.name, c.hasTable)
	}
	for i := range t.parents {
		t.parents[i] = c.qualifyTable(t.parents[i])
	}
	if t.ofType[1] != "" {
		t.ofType[0] = c.qualify(t.ofType[0], t.ofType[1], c.hasComposite)
	}
	for i := range t.columns {
		c.qualifyType(&t.columns[i].typ)
	}
}

// qualifyType gives an unqualified type the schema of the domain it
// names on the search_path, if any (built-in types stay unqualified).
func (c *catalog) qualifyType(t *Type) {
	if t.Schema != "" {
		return
	}
	path := c.path
	if path == nil {
		path = defaultPath
	}
	for _, s := range path {
		if s != "$user" && c.domains[[2]string{s, t.Name}] != nil {
			t.Schema = s
			return
		}
	}
}
