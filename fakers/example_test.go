package fakers_test

import (
	"fmt"
	"log"

	"github.com/anondump/anondump/fakers"
)

// The key comes from the run's secret; each column gets the PRF of its
// domain, and a Func compiled for its type.
func Example() {
	key := fakers.NewKey([]byte("secret from --key-file"))
	def, ok := fakers.Lookup("email")
	if !ok {
		log.Fatal("no email transformer")
	}
	f, err := def.New(fakers.Params{
		PRF:    key.Domain("email"),
		Target: fakers.Target{Class: fakers.ClassText, MaxLen: 64, Type: "character varying(64)"},
	})
	if err != nil {
		log.Fatal(err)
	}
	var buf []byte
	for _, in := range []string{"alice@corp.example", "bob@corp.example", "alice@corp.example"} {
		buf, _ = f.Append(buf[:0], []byte(in))
		fmt.Println(string(buf))
	}

	// A column type the transformer cannot write into is refused.
	_, err = def.New(fakers.Params{PRF: key.Domain("email"), Target: fakers.Target{Class: fakers.ClassInt, Type: "integer"}})
	fmt.Println(err)
	// Output:
	// bella.goyette@example.net
	// jena.kub@example.com
	// bella.goyette@example.net
	// email cannot write into integer column
}

// email_mask keeps the domain and one character; regex_replace keeps the
// groups it is told to and draws keyed digits for \d.
func Example_masks() {
	key := fakers.NewKey([]byte("secret from --key-file"))
	text := fakers.Target{Class: fakers.ClassText}
	em, _ := fakers.Lookup("email_mask")
	f, err := em.New(fakers.Params{Target: text})
	if err != nil {
		log.Fatal(err)
	}
	out, _ := f.Append(nil, []byte("john.smith@acme.com"))
	fmt.Println(string(out))

	rr, _ := fakers.Lookup("regex_replace")
	f, err = rr.New(fakers.Params{
		PRF:     key.Domain("card"),
		Pattern: `(\d{4})-(\d{4})-(\d{4})-(\d{4})`,
		Replace: `4000-\d\d\d\d-\d\d\d\d-$4`,
		Target:  text,
	})
	if err != nil {
		log.Fatal(err)
	}
	out, _ = f.Append(nil, []byte("card 5105-1051-0510-5100 on file"))
	fmt.Println(string(out))
	// Output:
	// j***@acme.com
	// card 4000-8112-8179-5100 on file
}
