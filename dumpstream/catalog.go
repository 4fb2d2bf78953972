package dumpstream

// catalog remembers the column types the dump declared, per database (it
// is reset at every \connect).
type catalog struct {
	tables     map[[2]string]*tableDef
	composites map[[2]string]*tableDef
	domains    map[[2]string]*domainDef
}

func (c *catalog) reset() {
	c.tables = map[[2]string]*tableDef{}
	c.composites = map[[2]string]*tableDef{}
	c.domains = map[[2]string]*domainDef{}
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
			key[0] = "public"
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
