#!/usr/bin/env python3
"""Runs the PDF/UA-1 scorecard (a11y_check.py) on PDFs and fails when a check fails.

    a11y-gate.py CHECKER [--report ID,ID...] FILE.pdf...

Prints a11y_check's card for every file. Checks named in --report are printed but do not fail
the run (for checks not met yet); every other failed check does. Without --report this is
a11y_check itself.
"""
import argparse
import importlib.util
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checker")
    ap.add_argument("--report", default="", help="check ids that are reported but do not fail")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("a11y_check", args.checker)
    checker = importlib.util.module_from_spec(spec)
    sys.modules["a11y_check"] = checker
    spec.loader.exec_module(checker)
    report = {r for r in args.report.split(",") if r}
    unknown = report - set(checker.CHECK_IDS)
    if unknown:
        print(f"a11y-gate: unknown check ids {sorted(unknown)}", file=sys.stderr)
        return 2
    failed = []
    for path in args.files:
        d, results = checker.run_checks(path, 60)
        checker.print_card(path, d, results, 400)
        failed += [(path, cid) for cid, (status, _) in results.items() if status == "FAIL" and cid not in report]
    for path, cid in failed:
        print(f"a11y-gate: {path}: {cid} fails", file=sys.stderr)
    if report:
        print(f"a11y-gate: reported, not yet required: {', '.join(sorted(report))}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
