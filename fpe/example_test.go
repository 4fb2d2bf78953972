package fpe_test

import (
	"fmt"
	"math"

	"github.com/anondump/anondump/fpe"
)

func ExampleDigits() {
	key := make([]byte, 32) // in real use, a key derived from the run's secret
	d, err := fpe.NewDigits(key, fpe.DigitsOptions{Tweak: []byte("customers.phone")})
	if err != nil {
		panic(err)
	}
	fake, err := d.Append(nil, []byte("+33 6 12-34-56-78"))
	if err != nil {
		panic(err)
	}
	back, err := d.AppendDecrypt(nil, fake)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(fake), fake[0] == '+', fake[3] == ' ', fake[8] == '-')
	fmt.Println(string(back))
	// Output:
	// 17 true true true
	// +33 6 12-34-56-78
}

func ExampleInt() {
	key := make([]byte, 32)
	// Positive integer keys stay positive integers.
	p, err := fpe.NewInt(key, 1, math.MaxInt32, []byte("customers.id"))
	if err != nil {
		panic(err)
	}
	y, err := p.Encrypt(42)
	if err != nil {
		panic(err)
	}
	x, err := p.Decrypt(y)
	if err != nil {
		panic(err)
	}
	fmt.Println(y >= 1 && y <= math.MaxInt32, x)
	// Output: true 42
}
