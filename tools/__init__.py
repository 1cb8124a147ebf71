"""Developer tools run from the source tree (not shipped with the app)."""
