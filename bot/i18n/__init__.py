"""Languages, the message catalog and rendering of keyed replies."""
