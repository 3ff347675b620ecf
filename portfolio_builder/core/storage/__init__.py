"""The portfolio file: one SQLite file, its tables, migrations, backups, stored evidence bytes and health checks.

Owns how a portfolio is kept on disk (WAL, FULL sync, application_id, file format and its
upgrades), the stored files streamed in parts, rolling backups and restore, and Check portfolio;
and core_statements, which runs Core statements built from schema's tables on a raw connection.
May import: core base modules (errors, resources, vocabularies, licences) and core.scheme.
"""
