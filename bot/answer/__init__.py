"""Answer: the one reply path every front end shares, and everything it renders as text."""
