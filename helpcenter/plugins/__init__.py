"""The MkDocs plugins of the help center."""
