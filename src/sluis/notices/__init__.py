"""Decision notices: what a person is told about a decision about them (art. 13-15, 22(3) GDPR)."""
