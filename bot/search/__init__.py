"""Search: normalise a question, analyse it into terms, rank the facts, decide."""
