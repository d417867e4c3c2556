package english

// A stack said with a count ("5 blocks of [conv3x3 p1, maxpool 2]", "a
// 3x3 conv applied four times", "two 3x3 convs") is unrolled by the
// reading: the count is used, yet it is no size of any layer. The reading
// hands it over in lang.Question.Repeats, so the account of the numbers
// used reads it from there rather than from the wording of a note.

// repeatedBy notes that layers were unrolled n times and keeps n as a
// count the reading used.
func (r *enReader) repeatedBy(n int, note string) {
	r.notes = append(r.notes, note)
	r.repeats = append(r.repeats, n)
}
