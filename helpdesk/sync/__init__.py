"""Station-side sync: the wire protocol, the client, bundle files."""
