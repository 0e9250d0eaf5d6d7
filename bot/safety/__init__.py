"""Safety: recognising acute danger whatever else the conversation is about."""
