package jsonpath_test

import (
	"bytes"
	"fmt"

	"github.com/anondump/anondump/jsonpath"
)

func Example() {
	set, err := jsonpath.Compile([]string{"$.email", "$.contacts[*].phone"})
	if err != nil {
		panic(err)
	}
	doc := []byte(`{"email": "ann@corp.example", "contacts": [{"phone": "+44 20 7946 0000", "n": 1}], "v": 1.50}`)
	var scratch []byte
	out, err := set.Rewrite(nil, doc, func(i int, v jsonpath.Value) (jsonpath.Value, error) {
		if v.Kind != jsonpath.String {
			return v, nil // a rule would refuse or keep other kinds
		}
		scratch = append(scratch[:0], "fake-"...)
		scratch = append(scratch, bytes.ToUpper(v.Text[:1])...)
		return jsonpath.Value{Kind: jsonpath.String, Text: scratch}, nil
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))
	fmt.Println(jsonpath.Valid([]byte(`{"a": [1, 2}`)))
	// Output:
	// {"email": "fake-A", "contacts": [{"phone": "fake-+", "n": 1}], "v": 1.50}
	// invalid JSON at byte 11: expected , or ]
}
