#!/usr/bin/env python3
"""Writes Tests/GriotTests/Fixtures/seed-fingerprint.txt: the hashed 8-word runs of the five
source documents, so that the copy check in ContentOriginalityTests.swift works on a fresh clone
without the sources' text.

    python3 Tests/tools/make-seed-fingerprint.py [SEEDS_DIR]

SEEDS_DIR defaults to ../shared/seeds beside the repository. Words and hashes are defined in
originality.py (and mirrored in the Swift test): folded (NFKD, combining marks dropped),
lowercased, split on every character that is not an ASCII letter or digit; every run of 8 consecutive words hashed as 64-bit
FNV-1a over the UTF-8 bytes of the words joined by single spaces; runs lying wholly inside, or
wholly containing, one of the official names in originality.NAMES are left out. The file is the
sorted unique hashes in 16-digit lowercase hex, one per line, after one '#' header line.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import originality  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    seeds = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(REPO), "shared", "seeds")
    names = sorted(n for n in os.listdir(seeds) if n.endswith(".txt"))
    if not names:
        sys.exit(f"no .txt sources in {seeds}")
    texts = []
    for name in names:
        with open(os.path.join(seeds, name), encoding="utf-8") as f:
            texts.append(f.read())
    hashes = sorted(originality.source_fingerprint(texts))
    out = os.path.join(REPO, "Tests", "GriotTests", "Fixtures", "seed-fingerprint.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write(
            f"# {len(hashes)} FNV-1a-64 hashes of the 8-word runs of {len(names)} sources "
            f"({', '.join(names)}); words folded (NFKD, marks dropped), lowercased, split on "
            f"non-[a-z0-9]; runs inside or "
            f"containing one of {len(originality.NAMES)} official names left out; "
            "made by python3 Tests/tools/make-seed-fingerprint.py\n"
        )
        for h in hashes:
            f.write(f"{h:016x}\n")
    print(f"wrote {len(hashes)} hashes to {os.path.relpath(out, REPO)}")


if __name__ == "__main__":
    main()
