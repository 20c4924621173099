"""One module per page of the signed-in app, plus the first-run and sign-in screens."""
