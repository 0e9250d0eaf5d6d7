"""Telegram: python-telegram-bot handlers and the application that runs them."""
