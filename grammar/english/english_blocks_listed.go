package english

// Blocks counted and then listed one by one, each ending in its pool:
// "VGG16's first three blocks (2 convs, pool, 2 convs, pool, 3 convs,
// pool)", "two blocks: conv, conv, pool, conv, pool". The list is the
// blocks, not one block to repeat: as many pools as blocks, the last
// layer a pool, and a pool closing each block. (The first block was
// repeated three times: a receptive field of 188 for 44.)

// blocksListed makes the count of blocks say the listed layers once when
// they are that many blocks, each ending in a pool.
func (w *ssWalker) blocksListed() {
	s := &w.s
	if s.blocks < 2 || s.blockAt < 0 || s.blockAt >= len(s.layers) || !s.layers[len(s.layers)-1].pool {
		return
	}
	pools := 0
	for _, l := range s.layers[s.blockAt:] {
		if l.pool {
			pools++
		}
	}
	if pools != s.blocks {
		return
	}
	s.blocks, s.blockEnd = 1, len(s.layers)
}
