"""spaCy components of breach_nlp, one job each, registered as ``breach_*`` factories."""
