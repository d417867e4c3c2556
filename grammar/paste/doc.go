// Package paste reads pasted code: PyTorch modules (nn.Sequential, a
// class's __init__ and forward, print(model) reprs) and Keras models
// (Sequential layers, model.summary() tables), into a [lang.Question] in
// the framework's own conventions.
package paste
