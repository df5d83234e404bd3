"""Helpers shared by the tests: where inputs live (paths), what a person's browser does (browser)."""
