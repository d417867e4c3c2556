package calc

// SizeRefusal reports whether err is a layer refusing the size that
// reaches it (an output below 1, a kernel wider than its padded input),
// as opposed to a setting that is wrong whatever the size (groups that
// do not divide the channels).
func SizeRefusal(err error) bool { return sizeRefusal(err) }
