"""The content rules, one module each; RULES is the list a lint run applies, in this order."""

from helpcenter.content_rules.rules import (
    brand_literal,
    contact_detail,
    derived,
    empty_section,
    front_matter,
    headings,
    keyword_line,
    link_title,
    never_ask,
    pairs,
    placeholder,
    playbook_steps,
    typography,
    unknown_macro,
    unsafe_html,
)

RULES = [
    front_matter.RULE,
    headings.RULE,
    empty_section.RULE,
    placeholder.RULE,
    keyword_line.RULE,
    contact_detail.RULE,
    unsafe_html.RULE,
    brand_literal.RULE,
    never_ask.RULE,
    typography.RULE,
    unknown_macro.RULE,
    playbook_steps.RULE,
    pairs.RULE,
    link_title.RULE,
    derived.RULE,
]
