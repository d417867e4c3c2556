package bot

import (
	"fmt"

	"github.com/cnnbot/cnnbot/calc"
)

// stateDictValue names how many numbers the layers' state_dict holds:
// the learnable parameters, a batch norm's running mean and variance, and
// PyTorch's num_batches_tracked (one per batch norm; Keras keeps none),
// or "" when no layer was sized.
func stateDictValue(r Reply) string {
	reports := r.Reports
	if r.Summary != nil {
		reports = nil
		for _, row := range r.Summary.Leaves() {
			reports = append(reports, *row.Report)
		}
	}
	if len(reports) == 0 {
		return ""
	}
	var params, buffers, tracked int64
	for _, rep := range reports {
		params += rep.Params
		buffers += rep.Buffers
		if rep.Kind == (calc.BatchNorm{}).Kind() && r.Question.Framework != "keras" {
			tracked++
		}
	}
	if buffers == 0 {
		return "state_dict values = " + large(params) + " (the learnable parameters: no buffers)"
	}
	total := params + buffers + tracked
	return fmt.Sprintf("state_dict values = %s parameters + %s running statistics + %d num_batches_tracked = %s", group(params), group(buffers), tracked, large(total))
}
