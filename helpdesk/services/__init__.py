"""Use cases the UI and the CLI call; each one is one transaction that also writes the outbox
and the audit log. They raise `helpdesk.errors.KnownError` for anything the user can act on."""
