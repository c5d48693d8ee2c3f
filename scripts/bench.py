#!/usr/bin/env python3
"""profilesheet's benchmark: `make bench` (N=1000 RUNS=3 by default).

Generates N synthetic but varied profiles (every component used: logos in all three formats,
keywords, both breakdowns, funding, every programming mode, highlights, contact), then reports
medians over RUNS runs of the release binary:

- sheets per second for a forced build with 1 job and with all cores,
- the time of a no-change rebuild,
- profiles per second for `validate` (all cores),
- peak memory of a forced build of a few profiles whose logo is a 4096² PNG (the largest a
  profile may have),
- the size of the sample sheets in English, Portuguese, Japanese and Arabic, and of the
  Japanese and Arabic ones against the English one (a CJK sheet's fonts are CFF, which cairo
  1.16 embeds with every subroutine unless PDFFontProgramCompactor drops the unused ones),
- peak memory of a forced build at N/5, N, 2N and 4N profiles (the issue's 200 and 2000 are
  N/5 and 2N at the default N): the peak resident size (max RSS, from the kernel) and the peak
  anonymous part of it (sampled from /proc every 10 ms). The resident size also counts the
  pages of fonts and libraries the process has touched (some 48 MiB, the same at every N);
  the anonymous part is the memory the process allocated.

Speed is measured here, never in the test suite: these machines are shared and noisy, so
read the medians and the ratios, not single runs. Beside each forced build's rate the bench
prints the CPU time a sheet took and how many cores were busy on average: when other work on
the machine takes the cores, the rate falls and so does the second figure, while the first
moves less.
"""
import os
import random
import shutil
import statistics
import subprocess
import sys
import struct
import threading
import time
import zlib
from collections import namedtuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# BENCH_BINARY: another build of the program to measure the same way (an earlier commit's, built
# in a scratch folder of its own), for before-and-after figures; BENCH_ONLY=forced measures only
# the forced builds and the logo checks.
BINARY = os.environ.get("BENCH_BINARY") or os.path.join(ROOT, ".build", "release", "profilesheet")
WORDS = ("community research software open science data training mentoring members working group "
         "calls events newsletter guides volunteers maintainers funding sustainability governance "
         "outreach workshop sprint documentation survey platform review network practice").split()
REGIONS = ["north-america", "europe", "africa", "asia", "oceania", "latin-america", "middle-east", "other"]
STAGES = ["student", "early-career", "mid-career", "senior", "retired"]
FUNDING = ["grants", "membership", "sponsorship", "host-institution", "donations", "earned-income", "in-kind", "other"]
TYPES = ["research-collaboration", "infrastructure-organization", "professional-society", "open-source-project",
         "community-of-practice", "network", "other"]
TOOLS = ["Slack", "GitHub", "Zoom", "Discourse", "Matrix", "GitLab", "Zenodo", "Google Docs", "Mailchimp", "Jitsi",
         "Read the Docs", "Mastodon"]


def sentence(rng, low, high, limit):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    text = " ".join(words).capitalize() + "."
    return text[:limit].rstrip()


def shares(rng, keys, count):
    chosen = rng.sample(keys, count)
    weights = [rng.randint(1, 20) for _ in chosen]
    total = sum(weights)
    values = [round(100 * w / total) for w in weights]
    values[0] += 100 - sum(values)
    return ", ".join(f"{k}: {v}" for k, v in zip(chosen, values) if v >= 0)


def profile(rng, index, logos, keywords):
    pid = f"bench-{index:05d}"
    lines = [
        "format: 1", f"id: {pid}", f'name: "{sentence(rng, 2, 6, 110).rstrip(".")} {index}"',
        f'short_name: "Bench {index}"', f"type: {rng.choice(TYPES)}", f"founded: {rng.randint(1990, 2024)}",
        "period: 2025", f"website: https://bench{index}.example.org",
        f"logo: logos/{rng.choice(logos)}",
        f"keywords: [{', '.join(rng.sample(keywords, rng.randint(1, min(6, len(keywords)))))}]",
        f'mission: "{sentence(rng, 15, 40, 390)}"',
        "narrative: |", f"  {sentence(rng, 40, 90, 700)}", "", f"  {sentence(rng, 20, 60, 600)} **{rng.choice(WORDS)}**.",
        "structure:", f'  host: "{sentence(rng, 3, 10, 150)}"', f'  governance: "{sentence(rng, 10, 30, 290)}"',
        "  leadership:",
    ]
    for _ in range(rng.randint(1, 5)):
        lines += [f'    - role: "{sentence(rng, 1, 4, 55)}"', f'      name: "Person {rng.randint(1, 999)}"']
    count = rng.randint(50, 20000)
    lines += [
        "staffing:", f"  paid_fte: {rng.randint(0, 40) / 4}", f"  community_managers: {rng.randint(0, 9)}",
        f"  volunteers: {rng.randint(0, 500)}",
        "members:", f"  count: {count}", f"  active: {rng.randint(0, count)}",
        f"  regions: {{{shares(rng, REGIONS, rng.randint(2, 8))}}}",
        f"  career_stages: {{{shares(rng, STAGES, rng.randint(2, 5))}}}",
        "programming:",
    ]
    for mode in ["convey", "contribute", "collaborate", "co-create", "champion"]:
        items = sorted({sentence(rng, 2, 9, 78) for _ in range(rng.randint(1, 4))})
        lines.append(f"  {mode}:")
        lines += [f'    - "{item}"' for item in items]
    lines += [f'champions: "{sentence(rng, 15, 60, 550)}"', f"funding: {{{shares(rng, FUNDING, rng.randint(1, 6))}}}",
              f"tools: [{', '.join(rng.sample(TOOLS, rng.randint(2, 8)))}]", "highlights:"]
    for part in ["successes", "outputs", "challenges", "plans"]:
        lines.append(f"  {part}:")
        lines += [f'    - "{sentence(rng, 6, 25, 190)}"' for _ in range(rng.randint(1, 3))]
    lines += ["contact:", f"  name: Contact {index}", f"  email: contact{index}@example.org",
              f"  url: https://bench{index}.example.org/contact"]
    return pid, "\n".join(lines) + "\n"


def write_large_png(path, side=4096):
    """A `side`² RGBA PNG, the largest logo a profile may have: a gradient with a transparent
    band, which compresses to well under the 16 MiB a logo file may take. Compressed a row at a
    time, so that the bench itself stays small: a process it starts is forked from it, and its
    peak resident size counts the bench's pages until it executes the binary."""
    compressor = zlib.compressobj(6)
    data = bytearray()
    for y in range(side):
        shade = 255 * y // (side - 1)
        alpha = 0 if side // 3 <= y < side // 2 else 255
        data += compressor.compress(b"\x00" + bytes((shade, 96, 255 - shade, alpha)) * side)
    data += compressor.flush()

    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", bytes(data)) + chunk(b"IEND", b""))


def generate(directory, count, seed=7):
    if os.path.exists(directory):
        shutil.rmtree(directory)
    os.makedirs(os.path.join(directory, "logos"))
    sample_logos = os.path.join(ROOT, "profiles", "logos")
    logos = sorted(os.listdir(sample_logos))
    for name in logos:
        shutil.copy(os.path.join(sample_logos, name), os.path.join(directory, "logos", name))
    shutil.copy(os.path.join(ROOT, "profiles", "taxonomy.yaml"), os.path.join(directory, "taxonomy.yaml"))
    keywords = []
    with open(os.path.join(directory, "taxonomy.yaml"), encoding="utf-8") as taxonomy:
        in_keywords = False
        for line in taxonomy:
            if line.startswith("keywords:"):
                in_keywords = True
            elif in_keywords and line.startswith("  ") and ":" in line:
                keywords.append(line.strip().split(":")[0])
    rng = random.Random(seed)
    for index in range(count):
        pid, text = profile(rng, index, logos, keywords)
        with open(os.path.join(directory, pid + ".yaml"), "w", encoding="utf-8") as out:
            out.write(text)


def sample_anonymous_memory(pid, peak, done):
    """Keeps the largest RssAnon of process `pid` (in KiB) in peak[0] until `done` is set."""
    path = f"/proc/{pid}/status"
    while not done.is_set():
        try:
            with open(path, encoding="ascii") as status:
                for line in status:
                    if line.startswith("RssAnon:"):
                        peak[0] = max(peak[0], int(line.split()[1]))
                        break
        except (OSError, ValueError):
            pass
        done.wait(0.01)


Measured = namedtuple("Measured", "seconds cpu resident anonymous")


def run(arguments):
    """Runs the binary: its wall-clock time and its CPU time (user and system) in seconds, and
    its peak resident and anonymous memory in MiB. Stops the bench when it fails."""
    started = time.perf_counter()
    process = subprocess.Popen([BINARY] + arguments, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, done = [0], threading.Event()
    sampler = threading.Thread(target=sample_anonymous_memory, args=(process.pid, peak, done), daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    errors = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"bench: profilesheet {' '.join(arguments)} exited {code}:\n{errors[-2000:]}")
    return Measured(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 1024)


def median(values):
    return statistics.median(values)


def main():
    count = int(os.environ.get("N", "1000"))
    runs = int(os.environ.get("RUNS", "3"))
    jobs = os.cpu_count() or 1
    work = os.path.join(ROOT, ".build", "bench")
    profiles = os.path.join(work, "profiles")
    output = os.path.join(work, "output")
    template = os.path.join(ROOT, "templates", "standard")
    generate(profiles, count)
    common = ["--profiles", profiles, "--template", template, "--output", output]
    env_note = f"{count} profiles, {runs} runs each, {jobs} cores"
    print(f"# profilesheet benchmark ({env_note})\n")

    results = {}
    for label, job_count in [("forced build, 1 job", 1), (f"forced build, {jobs} jobs", jobs)]:
        measured = [run(["build", "--force", "--jobs", str(job_count)] + common) for _ in range(runs)]
        times = [result.seconds for result in measured]
        results[label] = count / median(times)
        cpu = median(result.cpu for result in measured) / count * 1000
        print(f"- {label}: {results[label]:.1f} sheets/s (median {median(times):.2f} s; "
              f"{cpu:.1f} ms of CPU a sheet, {median(result.cpu / result.seconds for result in measured):.2f} cores busy)")
    logo_checks(profiles, output, common, runs)
    if os.environ.get("BENCH_ONLY") == "forced":
        return
    rebuild = [run(["build"] + common).seconds for _ in range(runs)]
    print(f"- no-change rebuild: {median(rebuild):.3f} s (median)")
    validate = [run(["validate", "--jobs", str(jobs)] + common[:4]).seconds for _ in range(runs)]
    print(f"- validate, {jobs} jobs: {count / median(validate):.1f} profiles/s (median {median(validate):.2f} s)")

    peaks, anonymous = {}, {}
    small = max(1, count // 5)
    for size in (small, count, 2 * count, 4 * count):
        generate(profiles, size, seed=11)
        shutil.rmtree(output, ignore_errors=True)
        # A peak is the largest of many moments, so it varies from run to run: take the median.
        measured = [run(["build", "--force", "--jobs", str(jobs)] + common) for _ in range(runs)]
        resident = sorted(result.resident for result in measured)
        allocated = sorted(result.anonymous for result in measured)
        peaks[size], anonymous[size] = median(resident), median(allocated)
        print(f"- peak memory, forced build of {size}: {peaks[size]:.0f} MiB resident (median; "
              f"{resident[0]:.0f}–{resident[-1]:.0f}), {anonymous[size]:.1f} MiB anonymous "
              f"({allocated[0]:.1f}–{allocated[-1]:.1f})")
    print(f"- peak memory ratio 4N/N: {peaks[4 * count] / peaks[count]:.2f} resident, "
          f"{anonymous[4 * count] / anonymous[count]:.2f} anonymous")
    print(f"- peak memory ratio 2N/(N/5): {peaks[2 * count] / peaks[small]:.2f} resident, "
          f"{anonymous[2 * count] / anonymous[small]:.2f} anonymous")
    # The largest logo a profile may have, on a few profiles: what a logo costs at its worst.
    generate(profiles, 2 * jobs, seed=11)
    write_large_png(os.path.join(profiles, "logos", "large.png"))
    for name in os.listdir(profiles):
        if name.endswith(".yaml") and name != "taxonomy.yaml":
            path = os.path.join(profiles, name)
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("\n".join("logo: logos/large.png" if line.startswith("logo:") else line for line in text.split("\n")))
    shutil.rmtree(output, ignore_errors=True)
    measured = [run(["build", "--force", "--jobs", str(jobs)] + common) for _ in range(runs)]
    print(f"- peak memory, forced build of {2 * jobs} profiles with a 4096² PNG logo: "
          f"{median(result.resident for result in measured):.0f} MiB resident, "
          f"{median(result.anonymous for result in measured):.1f} MiB anonymous (medians)")
    speedup = results[f"forced build, {jobs} jobs"] / results["forced build, 1 job"]
    print(f"- speed-up with {jobs} jobs: {speedup:.2f}×")

    sample_sizes(work, runs)

    preview_profile = os.path.join(ROOT, "profiles", "us-rse.yaml")
    cold = [run(["preview", preview_profile, "--output", os.path.join(work, "preview-output")]).seconds for _ in range(max(runs, 5))]
    print(f"- cold preview of one profile: {median(cold) * 1000:.0f} ms (median, process start to files written)")
    latencies = watch_latency(work, max(runs, 5))
    print(f"- preview --watch, save to new files: {median(latencies) * 1000:.0f} ms (median of {len(latencies)} saves)")


def logo_checks(profiles, output, common, runs):
    """The isolated logo check (IsolatedImageCheck): forced builds of the first 20 profiles, one
    job, with the verdicts of output/.cache/image-checks removed before each (cold: one child a
    distinct logo) and kept (warm: none). The difference over the distinct logos is what a
    child costs; the warm build's is what a cached verdict costs a sheet (a stat and a look-up,
    too small to show against a sheet)."""
    ids = sorted(name[:-5] for name in os.listdir(profiles) if name.endswith(".yaml") and name != "taxonomy.yaml")[:20]
    logos = set()
    for pid in ids:
        with open(os.path.join(profiles, pid + ".yaml"), encoding="utf-8") as handle:
            logos.update(line.split(":", 1)[1].strip() for line in handle if line.startswith("logo:"))
    cache = os.path.join(output, ".cache", "image-checks")
    cold, warm = [], []
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(run(["build", "--force", "--jobs", "1"] + common + ids))
        warm.append(run(["build", "--force", "--jobs", "1"] + common + ids))
    cold_seconds, warm_seconds = median(r.seconds for r in cold), median(r.seconds for r in warm)
    cold_cpu, warm_cpu = median(r.cpu for r in cold), median(r.cpu for r in warm)
    print(f"- logo checks, forced build of {len(ids)} profiles with {len(logos)} distinct logos, 1 job: "
          f"cold cache {cold_seconds:.2f} s ({cold_cpu:.2f} s CPU), warm {warm_seconds:.2f} s ({warm_cpu:.2f} s CPU); "
          f"a child {(cold_seconds - warm_seconds) / len(logos) * 1000:.0f} ms "
          f"({(cold_cpu - warm_cpu) / len(logos) * 1000:.0f} ms CPU) a distinct logo (medians)")


SAMPLES = [("en", "us-rse"), ("pt", "biodados-abertos"), ("ja", "kenkyu-data-kiban"), ("ar", "arab-rse-network")]


def sample_sizes(work, runs):
    """Builds the repository's samples in English, Portuguese, Japanese and Arabic and prints
    each sheet's size, and the time of a forced build of the Japanese one beside the English."""
    output = os.path.join(work, "samples-output")
    shutil.rmtree(output, ignore_errors=True)
    ids = [sample for _, sample in SAMPLES]
    run(["build", "--force", "--output", output] + ids)
    sizes = {language: os.path.getsize(os.path.join(output, sample + ".pdf")) for language, sample in SAMPLES}
    print("- sheet sizes: " + ", ".join(f"{language} ({sample}) {sizes[language] / 1024:.0f} KiB" for language, sample in SAMPLES))
    print(f"- sheet size against the English sample: ja {sizes['ja'] / sizes['en']:.2f}×, ar {sizes['ar'] / sizes['en']:.2f}×, "
          f"pt {sizes['pt'] / sizes['en']:.2f}×")
    for language, sample in (SAMPLES[0], SAMPLES[2]):
        times = [run(["build", "--force", "--jobs", "1", "--output", output, sample]).seconds for _ in range(max(runs, 5))]
        print(f"- forced build of the {language} sample alone: {median(times) * 1000:.0f} ms (median, process start to files written)")


def watch_latency(work, saves):
    """Starts `preview --watch` on a copy of a sample and times each save until the new PDF's
    path is printed (the files are written before it is)."""
    directory = os.path.join(work, "watch")
    shutil.rmtree(directory, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "profiles"), os.path.join(directory, "profiles"))
    profile = os.path.join(directory, "profiles", "us-rse.yaml")
    process = subprocess.Popen(
        [BINARY, "preview", "--watch", "us-rse", "--profiles", os.path.join(directory, "profiles"),
         "--template", os.path.join(ROOT, "templates", "standard"), "--output", os.path.join(directory, "output")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)

    def wait_for_pdf():
        while True:
            line = process.stdout.readline()
            if not line:
                sys.exit("bench: preview --watch stopped")
            if line.strip().endswith(".pdf"):
                return

    wait_for_pdf()
    with open(profile, encoding="utf-8") as handle:
        original = handle.read()
    latencies = []
    for save in range(saves):
        time.sleep(0.3)
        started = time.perf_counter()
        with open(profile, "w", encoding="utf-8") as handle:
            handle.write(original.replace("founded: 2018", f"founded: {2000 + save}"))
        wait_for_pdf()
        latencies.append(time.perf_counter() - started)
    process.send_signal(2)
    process.wait(timeout=10)
    return latencies


if __name__ == "__main__":
    main()
