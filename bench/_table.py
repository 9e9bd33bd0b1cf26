"""Prints every saved benchmark result (bench/results/*.json) as one table: `make bench`."""

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
# Timing rows fill hits…p95_ms; the production benchmarks fill measure…goal. A row leaves the
# columns it has no value for empty, so older result files still print.
COLUMNS = [
    "benchmark",
    "database",
    "hits",
    "seconds",
    "median_ms",
    "p95_ms",
    "measure",
    "value",
    "ratio",
    "errors",
    "third_party",
    "goal",
    "ok",
]


def cell(value):
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main():
    rows = [row for path in sorted(RESULTS.glob("*.json")) for row in json.loads(path.read_text())]
    table = [COLUMNS] + [[cell(row.get(column, "")) for column in COLUMNS] for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
    for line in table:
        print("  ".join(value.ljust(width) for value, width in zip(line, widths, strict=True)))


if __name__ == "__main__":
    main()
