"""Qt item models over data read from the core services (never querying in data())."""
