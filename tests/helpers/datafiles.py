"""Writing data files in tests: the project's loader refuses YAML anchors and aliases
(helpcenter/datafile.py), and PyYAML writes one whenever the same object appears twice in what it
dumps (a language's strings copied to another). Every test that writes a data file uses this."""

from __future__ import annotations

import yaml

from helpcenter import datafile

# libyaml where PyYAML has it: the pure-Python emitter and scanner were a large share of the unit lane.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _NoAliases(_Dumper):
    def ignore_aliases(self, data) -> bool:
        return True


def dump_yaml(data, **options) -> str:
    """yaml.safe_dump without anchors or aliases (repeated objects are written out again)."""
    options.setdefault("allow_unicode", True)
    return yaml.dump(data, Dumper=_NoAliases, **options)


def load_yaml(text):
    """yaml.safe_load, through libyaml where PyYAML has it (tests read whole data files often)."""
    return datafile.plain_load(text)
