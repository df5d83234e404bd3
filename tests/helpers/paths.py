"""Where test inputs live."""
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent
# A registry with real-looking (non-reserved) values, for the production dry run. Not shipped:
# these are invented values outside the reserved ranges, never to be published.
PRODUCTION_SAMPLE = TESTS / "data" / "registry-production-sample.yml"
# The registry every test build uses unless a test chooses another: a frozen copy of the demo
# registry, so replacing data/registry.yml with real values (README, "Going live") changes no test.
FIXTURE_REGISTRY = TESTS / "data" / "registry-fixture.yml"
# Tests that mutate a registry start from the fixture (the demo values as shipped).
DEMO_REGISTRY = FIXTURE_REGISTRY
