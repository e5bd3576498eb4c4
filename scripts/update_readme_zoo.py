"""Rewrite the model table between the zoo-table markers of README.md from the zoo catalog.

python scripts/update_readme_zoo.py            # rewrite the blocks in place
python scripts/update_readme_zoo.py --check    # exit 1 when a block is out of date (for CI)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from llmzoo_hf._atomic import write_text_atomic
from llmzoo_hf.errors import ConfigError
from llmzoo_hf.zoo import extract_readme_block, render_markdown_table, replace_readme_block

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILES = (REPO_ROOT / "README.md",)


def main(argv: list[str] | None = None) -> int:
    """Update (or with --check, verify) the zoo table block of each file; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="Markdown files with zoo-table markers.")
    parser.add_argument("--check", action="store_true", help="Only check; exit 1 if a block is stale.")
    args = parser.parse_args(argv)
    files = args.files or [path for path in DEFAULT_FILES if path.is_file()]
    table = render_markdown_table()
    stale = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            current = extract_readme_block(text, source=str(path))
        except ConfigError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        if current == table:
            continue
        stale.append(path)
        if not args.check:
            write_text_atomic(path, replace_readme_block(text, table, source=str(path)))
            print(f"updated {path}")
    if args.check and stale:
        print("stale zoo table in: " + ", ".join(map(str, stale)) + " (run python scripts/update_readme_zoo.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
