"""Business rules, free of Telegram, Rasa and the database."""
