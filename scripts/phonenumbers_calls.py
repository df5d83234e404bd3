"""Every phonenumbers call the project makes, over a fixed corpus, printed as JSON.

Run it under two installs and compare the outputs, to check that a replacement (phonenumberslite
for phonenumbers) answers exactly the same:

    python scripts/phonenumbers_calls.py > a.json        # in a venv with phonenumbers
    python scripts/phonenumbers_calls.py > b.json        # in a venv with phonenumberslite
    cmp a.json b.json

The corpus: every example number of every region and type (valid ones) with each last digit
changed (mostly invalid ones), every phone number in data/ and tests/data/, and every text line of
docs/, reusables/ and templates/ through the matcher the content rules use (regions CN and US).
Only the standard library, PyYAML and phonenumbers are needed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberFormat as F

ROOT = Path.cwd()
NUMBER_LIKE = re.compile(r"\+?[0-9][0-9 ().-]{5,}[0-9]")


def corpus() -> list[str]:
    numbers = set()
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in range(12):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                e164 = phonenumbers.format_number(example, F.E164)
                numbers.add(e164)
                numbers.update(e164[:-1] + d for d in "0123456789")
    for folder in ("data", "tests/data"):
        for path in sorted((ROOT / folder).rglob("*.yml")):
            numbers.update(NUMBER_LIKE.findall(path.read_text(encoding="utf-8")))
    numbers.update(["+1 555 0100", "+86 10 110", "not a number", "+", "+999 1234567"])
    return sorted(numbers)


def calls(number: str) -> dict:
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException as exc:
        return {"error": [exc.error_type, str(exc)]}
    return {"possible": phonenumbers.is_possible_number(parsed), "valid": phonenumbers.is_valid_number(parsed),
            "e164": phonenumbers.format_number(parsed, F.E164), "rfc3966": phonenumbers.format_number(parsed, F.RFC3966),
            "region": phonenumbers.region_code_for_number(parsed), "code": parsed.country_code}


def matches() -> dict:
    out = {}
    for folder in ("docs", "reusables", "templates"):
        for path in sorted((ROOT / folder).rglob("*.md")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                for region in ("CN", "US"):
                    found = [m.raw_string for m in phonenumbers.PhoneNumberMatcher(line, region,
                                                                                  leniency=phonenumbers.Leniency.VALID)]
                    if found:
                        out[f"{path.relative_to(ROOT)}:{n}:{region}"] = found
    return out


def regions() -> dict:
    out = {}
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        out[region] = [phonenumbers.country_code_for_region(region), meta.national_prefix if meta else None]
    return out


def main() -> int:
    numbers = corpus()
    result = {"numbers": {n: calls(n) for n in numbers}, "matches": matches(), "regions": regions()}
    json.dump(result, sys.stdout, ensure_ascii=False, indent=0, sort_keys=True)
    print(f"{len(numbers)} numbers, {len(result['matches'])} matching lines, {len(result['regions'])} regions",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
