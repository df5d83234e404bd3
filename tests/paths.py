"""Where test inputs live."""
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
# A registry with real-looking (non-reserved) values, for the production dry run. Not shipped:
# these are invented values outside the reserved ranges, never to be published.
PRODUCTION_SAMPLE = TESTS / "data" / "registry-production-sample.yml"
# The demo registry as shipped (reserved-range values), the base that tests mutate.
DEMO_REGISTRY = TESTS / "data" / "registry-demo.yml"
