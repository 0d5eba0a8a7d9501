from backends import db_url, postgres_url, service, sqlite_url  # noqa: F401
