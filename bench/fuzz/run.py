"""`make fuzz`: a bounded fuzzing run, written to bench/results/fuzz.md.

1. The property tests of tests/robustness/ under the hypothesis `fuzz` profile (FUZZ_EXAMPLES
   examples per property, random seeds), with hypothesis's statistics: examples tried per test.
2. The coverage-guided atheris targets of bench/fuzz/harnesses.py (markdown, front_matter,
   po_syntax), each for at most --runs inputs or --seconds, seeded with the importer fixtures.

Usage: python bench/fuzz/run.py [--examples 1000] [--runs 20000] [--seconds 120] [--skip-atheris]
"""

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results" / "fuzz.md"
SEEDS = ROOT / "tests" / "fixtures" / "docusaurus" / "constructs"
TARGETS = ["markdown", "front_matter", "po_syntax"]
BUGS_HEADING = "## Bugs found and fixed"
ATHERIS_HEADING = "## Coverage-guided targets (atheris / libFuzzer)"


def hypothesis_run(examples):
    env = dict(os.environ, HYPOTHESIS_PROFILE="fuzz", FUZZ_EXAMPLES=str(examples))
    command = [
        sys.executable,
        "-m",
        "pytest",
        "tests/robustness",
        "-q",
        "-p",
        "no:randomly",
        "--hypothesis-show-statistics",
    ]
    started = datetime.datetime.now()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    seconds = (datetime.datetime.now() - started).total_seconds()
    output = done.stdout + done.stderr
    counts, current = {}, None
    for line in output.splitlines():
        header = re.match(r"^(tests/\S+::\S+):$", line.strip())
        if header:
            current = header.group(1).split("::", 1)[1]
            counts.setdefault(current, [0, 0])
            continue
        found = re.search(r"(\d+) passing(?: examples?)?, (\d+) failing", line)
        if found and current:
            counts[current][0] += int(found.group(1))
            counts[current][1] += int(found.group(2))
    summary = next(
        (ln for ln in reversed(output.splitlines()) if re.search(r"\d+ (passed|failed)", ln)), ""
    )
    failures = re.findall(r"^FAILED (\S+)", output, re.MULTILINE)
    if failures:  # the failing examples and their tracebacks, for whoever fixes them
        log = Path(tempfile.gettempdir()) / "studiobib-fuzz-hypothesis.log"
        log.write_text(output, encoding="utf-8")
        print(f"  {len(failures)} failing properties; pytest output kept in {log}")
    return counts, summary.strip("= "), failures, seconds, done.returncode


def atheris_run(target, runs, seconds):
    work = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-"))
    corpus = work / "corpus"
    corpus.mkdir()
    for seed in SEEDS.glob("*.md*"):
        shutil.copy(seed, corpus / seed.name)
    (corpus / "seed.po").write_text(
        'msgctxt "title"\nmsgid "Studio"\nmsgstr "Studio"\n', encoding="utf-8"
    )
    command = [
        sys.executable,
        str(ROOT / "bench" / "fuzz" / "harnesses.py"),
        target,
        f"-runs={runs}",
        f"-max_total_time={seconds}",
        "-max_len=8192",
        f"-artifact_prefix={work}/",
        str(corpus),
    ]
    done = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
    output = done.stdout + done.stderr
    tried = re.search(r"Done (\d+) runs in (\d+) second", output)
    last = re.findall(r"^#(\d+)\s", output, re.MULTILINE)
    crash = re.search(r"=== Uncaught Python exception: ===\n(.*)", output)
    artifacts = sorted(p.name for p in work.glob("crash-*"))
    shutil.rmtree(work, ignore_errors=True)
    return {
        "tried": int(tried.group(1)) if tried else int(last[-1]) if last else 0,
        "seconds": int(tried.group(2)) if tried else None,
        "crash": crash.group(1).strip() if crash else "",
        "artifacts": artifacts,
        "returncode": done.returncode,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--examples", type=int, default=int(os.environ.get("FUZZ_EXAMPLES", "1000"))
    )
    parser.add_argument("--runs", type=int, default=20000)
    parser.add_argument("--seconds", type=int, default=120)
    parser.add_argument("--skip-atheris", action="store_true")
    args = parser.parse_args()

    lines = [
        "# Fuzzing run",
        "",
        f"Date: {datetime.date.today().isoformat()}. Command: `make fuzz` "
        f"(`python bench/fuzz/run.py --examples {args.examples} --runs {args.runs} --seconds {args.seconds}`).",
        "",
    ]
    print(f"hypothesis `fuzz` profile, {args.examples} examples per property …", flush=True)
    counts, summary, failures, seconds, code = hypothesis_run(args.examples)
    lines += [
        "## Property tests (hypothesis, `fuzz` profile)",
        "",
        f"{summary} in {seconds:.0f} s. Failures: {', '.join(failures) or 'none'}.",
        "",
        "| property | inputs tried | failing |",
        "| --- | ---: | ---: |",
    ]
    for name, (passing, failing) in sorted(counts.items()):
        lines.append(f"| {name} | {passing + failing} | {failing} |")
        print(f"  {name}: {passing + failing} inputs, {failing} failing")
    total_failed = len(failures)
    previous = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if args.skip_atheris and ATHERIS_HEADING in previous:  # keep the last coverage-guided figures
        kept = previous.partition(ATHERIS_HEADING)[2].partition(BUGS_HEADING)[0]
        lines += ["", ATHERIS_HEADING + kept.rstrip("\n")]
    elif not args.skip_atheris:
        try:
            import atheris  # noqa: F401
        except ImportError:
            lines += ["", "atheris is not installed: coverage-guided targets skipped."]
        else:
            lines += [
                "",
                "## Coverage-guided targets (atheris / libFuzzer)",
                "",
                "| target | inputs tried | seconds | crash |",
                "| --- | ---: | ---: | --- |",
            ]
            for target in TARGETS:
                print(f"atheris {target} …", flush=True)
                result = atheris_run(target, args.runs, args.seconds)
                lines.append(
                    f"| {target} | {result['tried']} | {result['seconds'] if result['seconds'] is not None else '—'} "
                    f"| {result['crash'] or 'none'} |"
                )
                print(f"  {target}: {result['tried']} inputs, crash: {result['crash'] or 'none'}")
                total_failed += bool(result["crash"])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    kept = previous.partition(BUGS_HEADING)[2]
    if kept:  # the hand-kept list of bugs found and fixed outlives each run
        lines += ["", BUGS_HEADING + kept.rstrip("\n")]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written: {RESULTS.relative_to(ROOT)}; failures: {total_failed}")
    sys.exit(1 if total_failed or code not in (0,) else 0)


if __name__ == "__main__":
    main()
