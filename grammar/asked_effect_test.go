package grammar

import "testing"

// Yes/no questions of whether a setting changes the parameters are
// marked with the setting and the count; questions that ask for a count,
// or whether a setting changes the size, are not.
func TestEffectOf(t *testing.T) {
	for _, c := range []struct {
		src           string
		setting, kind string // "" when no effect is asked
	}{
		{"does stride affect the number of parameters in a conv layer?", "stride", "params"},
		{"does padding change the number of weights in a conv layer? e.g. 3x3, 64 in 128 out", "padding", "weights"},
		{"why does stride not change the param count? conv 3x3 3->64 stride 1 vs stride 2", "stride", "params"},
		{"do the params depend on the dilation? conv 3x3 64->64 dilation 2", "dilation", "params"},
		{"if i use padding=1 instead of 0 on my 5x5 conv with 32 filters on an rgb image, does that increase the parameters?", "padding", "params"},
		{"Is the parameter count affected by zero padding", "padding", "params"},
		{"will a bigger stride reduce trainable params of nn.Conv2d(3, 64, 3)", "stride", "params"},
		{"self.conv = nn.Conv2d(1, 32, 3, stride=2) -> if i change the stride from 2 to 1 does the param count go up??", "stride", "params"},
		{"conv 3x3 3->64 stride 2 pad 1 on 32x32, params?", "", ""},
		{"what stride reduces the output to 16x16? conv 3x3 on 32x32, params?", "", ""},
		{"so the size doesn't change with padding 1: how many params for conv 3x3 3->16", "", ""},
		{"stride 2 changes the params. conv 3x3 3->16", "", ""}, // a statement, not asked
		{"does stride change the output size? conv 3x3 on 32x32", "", ""},
	} {
		e := effectOf(c.src)
		switch {
		case c.setting == "" && e != nil:
			t.Errorf("%q: effect %+v, want none", c.src, *e)
		case c.setting != "" && (e == nil || e.Setting != c.setting || e.Asked != c.kind):
			t.Errorf("%q: effect %+v, want %s changing %s", c.src, e, c.setting, c.kind)
		}
	}
}
