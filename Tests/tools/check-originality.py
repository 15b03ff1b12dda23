#!/usr/bin/env python3
"""Finds text in content/ that is copied or closely paraphrased from the sources.

    python3 Tests/tools/check-originality.py [--seeds DIR] [--near SHARE] [--quiet] [FILE ...]

1. Word runs: every 8-word run of every .md/.yml under content/ (normalised as in
   originality.py) is hashed and looked up in Tests/GriotTests/Fixtures/seed-fingerprint.txt.
   This needs only the fingerprint, not the sources.
2. Sentences: every sentence is scored against every source sentence (this needs the sources,
   ../shared/seeds beside the repository by default, or --seeds). A sentence is flagged by the
   rules in originality.py (share >= SHARE_THRESHOLD, or Dice >= DICE_THRESHOLD with
   DICE_MIN_MATCHED words in order); each is printed with its closest source sentence. When the
   sources are absent the check is skipped and the output says so.

--near SHARE also prints, marked "near", unflagged sentences whose share is at least SHARE (for
reading; it changes nothing). --quiet prints the counts only.

Exit status 1 when anything is flagged. This is the same logic as
Tests/GriotTests/ContentOriginalityTests.swift.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import originality as o  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FINGERPRINT = os.path.join(REPO, "Tests", "GriotTests", "Fixtures", "seed-fingerprint.txt")


def load_fingerprint(path):
    hashes = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                hashes.add(int(line, 16))
    return hashes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default=os.path.join(os.path.dirname(REPO), "shared", "seeds"))
    parser.add_argument("--near", type=float, default=None)
    parser.add_argument("--quiet", action="store_true", help="counts only")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()

    files = [os.path.abspath(f) for f in args.files] or o.content_files(os.path.join(REPO, "content"))
    fingerprint = load_fingerprint(FINGERPRINT)

    run_hits = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            words = o.lowercase_words(f.read())
        for start in range(0, len(words) - o.RUN_LENGTH + 1):
            run = words[start : start + o.RUN_LENGTH]
            if o.fnv1a64(" ".join(run)) in fingerprint:
                run_hits += 1
                if not args.quiet:
                    print(f"RUN  {os.path.relpath(path, REPO)}: {' '.join(run)}")

    sentence_hits = 0
    scored = 0
    seeds_present = os.path.isdir(args.seeds) and any(n.endswith(".txt") for n in os.listdir(args.seeds))
    if seeds_present:
        sources = o.load_source_sentences(args.seeds)
        for path in files:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for block in o.site_blocks(text):
                for sentence in o.sentences(block):
                    flagged, match = o.assess(sentence, sources)
                    if match is not None:
                        scored += 1
                    if flagged:
                        sentence_hits += 1
                        label = "SENT"
                    elif args.near is not None and match is not None and match.share >= args.near:
                        label = "near"
                    else:
                        continue
                    if not args.quiet:
                        print(
                            f"{label} {os.path.relpath(path, REPO)}  share {match.share:.2f}, "
                            f"Dice {match.dice:.2f}, {match.length} words in order"
                        )
                        print(f"     site:   {sentence}")
                        print(f"     source: {match.source.text}  [{match.source.file}]")
        sentence_note = (
            f"{sentence_hits} of {scored} scored sentences follow a source sentence "
            f"(share >= {o.SHARE_THRESHOLD}, or Dice >= {o.DICE_THRESHOLD} with "
            f"{o.DICE_MIN_MATCHED}+ words in order; {o.MIN_MATCHED_WORDS}+ words in order always)"
        )
    else:
        sentence_note = f"sentence check SKIPPED: no sources at {args.seeds} (the run check above still ran)"

    print(f"{run_hits} copied {o.RUN_LENGTH}-word runs in {len(files)} files; {sentence_note}")
    sys.exit(1 if run_hits or sentence_hits else 0)


if __name__ == "__main__":
    main()
