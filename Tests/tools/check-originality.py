#!/usr/bin/env python3
"""Finds text in content/ that is copied or closely paraphrased from the sources.

    python3 Tests/tools/check-originality.py [--seeds DIR] [--all] [--min SCORE] [FILE ...]

1. Word runs: every 8-word run of every .md/.yml under content/ is hashed and looked up in
   Tests/GriotTests/Fixtures/seed-fingerprint.txt (works without the sources).
2. Sentences: every sentence is scored against every source sentence (needs the sources,
   ../shared/seeds by default); those at or above originality.SENTENCE_THRESHOLD are printed with
   their closest source sentence. --min lowers the bar for a report (it does not change the test).

Exit status 1 when anything is flagged. This is the same logic as
Tests/GriotTests/ContentOriginalityTests.swift.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import originality as o  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default=os.path.join(os.path.dirname(REPO), "shared", "seeds"))
    parser.add_argument("--min", type=float, default=o.SENTENCE_THRESHOLD)
    parser.add_argument("--quiet", action="store_true", help="counts only")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()

    files = [os.path.abspath(f) for f in args.files] or o.content_files(os.path.join(REPO, "content"))
    fingerprint = set()
    with open(os.path.join(REPO, "Tests", "GriotTests", "Fixtures", "seed-fingerprint.txt")) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                fingerprint.add(int(line, 16))

    run_hits = 0
    for path in files:
        words = o.lowercase_words(open(path, encoding="utf-8").read())
        for start in range(0, len(words) - o.RUN_LENGTH + 1):
            run = words[start : start + o.RUN_LENGTH]
            if o.fnv1a64(" ".join(run)) in fingerprint:
                run_hits += 1
                if not args.quiet:
                    print(f"RUN  {os.path.relpath(path, REPO)}: {' '.join(run)}")

    sentence_hits = 0
    if os.path.isdir(args.seeds):
        sources = o.load_source_sentences(args.seeds)
        for path in files:
            text = open(path, encoding="utf-8").read()
            for block in o.site_blocks(text):
                for sentence in o.sentences(block):
                    match = o.best_match(sentence, sources)
                    if match is None or match[1] < o.MIN_MATCHED_WORDS or match[0] < args.min:
                        continue
                    if o.flagged(match):
                        sentence_hits += 1
                    if not args.quiet:
                        print(f"SENT {os.path.relpath(path, REPO)}  score {match[0]:.2f} ({match[1]} words in order)")
                        print(f"     site:   {sentence}")
                        print(f"     source: {match[2].text}  [{match[2].file}]")
    else:
        print(f"sentence check skipped: no sources at {args.seeds}")

    print(
        f"{run_hits} copied {o.RUN_LENGTH}-word runs, {sentence_hits} sentences scoring {o.SENTENCE_THRESHOLD} or more"
        f" with {o.MIN_MATCHED_WORDS}+ words in order"
    )
    sys.exit(1 if run_hits or sentence_hits else 0)


if __name__ == "__main__":
    main()
