"""The ceremony store: a SQL database (SQLite by default, any SQLAlchemy URL in PETA_DB_URL)
holding every report, seeded from the curated files and written by the form and the import."""
