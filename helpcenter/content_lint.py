"""Moved to helpcenter/content_rules/ (one module per rule). Kept so that branches written against
the old module still import; new code imports helpcenter.content_rules."""

from helpcenter.content_rules import LANGS, Finding, Page, lint, parse, structure  # noqa: F401
