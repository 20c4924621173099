"""The station database and what sits beside it: key file, device secret, backups."""
