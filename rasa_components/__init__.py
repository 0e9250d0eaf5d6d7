"""Components that run inside the Rasa engine (Python 3.10); the application never imports them."""
