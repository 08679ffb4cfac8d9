"""Question log: what officials asked and how it was answered, without identities."""
