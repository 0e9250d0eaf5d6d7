"""The application database: models, engine and session factory, migrations."""
