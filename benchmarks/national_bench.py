"""Times a national build for real (issue targets S2 and S4): N generated LA overlays through `iwpacks national`.

Run from the repository root: `python benchmarks/national_bench.py [--las 150] [--jobs N] [--course ID ...]`.
It generates N distinct LAs from the two example LAs (each its own name, a recoloured logo, from one to four
escalation contacts, and every fifth with an organisation overlay), then, in the same run and with no render
cache, times a master build of the same courses and the national build (every pack checked and zipped),
sampling the resident memory of the whole process tree. It prints the ratio to the master build (target: at
most 10x), the national time (target: 3 minutes on a 2-core machine) and the peak memory (target: 300 MB).
`--course` limits both builds to those courses, for a quicker look; the targets are for every course.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "la"


def generate_las(folder: Path, count: int) -> int:
    """`count` LA folders (and their organisation overlays) under `folder`; returns how many packs they make."""
    import yaml
    from PIL import Image, ImageOps

    packs = 0
    for index in range(count):
        base = EXAMPLES / ("eastbrook" if index % 2 else "northmoor")
        la = folder / f"la-{index + 1:03}"
        shutil.copytree(base, la, ignore=shutil.ignore_patterns("organisations"))
        overlay = yaml.safe_load((la / "overlay.yaml").read_text(encoding="utf-8"))
        overlay["id"] = la.name
        overlay["name"] = f"Testshire {index + 1:03} {'County' if index % 3 else 'Borough'} Council"
        contacts = overlay["slots"]["escalation-contacts"]
        overlay["slots"]["escalation-contacts"] = [
            dict(contacts[i % len(contacts)], name=f"{contacts[i % len(contacts)]['name']} {i + 1}")
            for i in range(1 + index % 4)]
        (la / "overlay.yaml").write_text(yaml.safe_dump(overlay, allow_unicode=True, sort_keys=False),
                                         encoding="utf-8")
        with Image.open(la / "logo.png") as logo:  # a logo of its own: the hue turned by the LA's index
            rgb = logo.convert("RGB")
            shifted = ImageOps.colorize(ImageOps.grayscale(rgb), black=(index * 37 % 256, 40, 90),
                                        white=(255, 255, 255))
            shifted.save(la / "logo.png")
        packs += 1
        if index % 5 == 4:
            org = EXAMPLES / "northmoor" / "organisations" / "northmoor-community-health"
            shutil.copytree(org, la / "organisations" / "community-health")
            packs += 1
    return packs


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, read from /proc (Linux)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as status:
                total += next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as children:
                todo += [int(child) for child in children.read().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def run_sampled(argv: list[str]) -> tuple[float, int, int]:
    """Run a command; its wall time, exit code and the peak resident memory of its process tree."""
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=REPO, stdout=subprocess.DEVNULL)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            done.wait(0.2)
    sampler = threading.Thread(target=sample)
    sampler.start()
    code = process.wait()
    done.set()
    sampler.join()
    return time.perf_counter() - start, code, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--las", type=int, default=150, help="LA overlays to generate (default 150)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)")
    parser.add_argument("--course", action="append", metavar="ID", help="only this course (repeatable)")
    args = parser.parse_args()
    courses = [item for cid in args.course or () for item in ("--course", cid)]
    iwpacks = [sys.executable, "-m", "iwpacks", "-q"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        packs = generate_las(root / "las", args.las)
        print(f"{args.las} LAs generated, {packs} packs with their organisation overlays; {args.jobs} processes"
              + (f"; courses: {', '.join(args.course)}" if args.course else "; every course"))
        master, code, master_peak = run_sampled([*iwpacks, "build", "--no-cache", "--jobs", str(args.jobs),
                                                 "--out", str(root / "master"), *courses])
        if code:
            sys.exit(f"the master build failed (exit {code})")
        print(f"{'master pack':<40} {master:8.1f} s  peak {master_peak / 1e6:6.0f} MB")
        national, code, peak = run_sampled([*iwpacks, "national", "--no-cache", "--zip", "--jobs", str(args.jobs),
                                            "--las", str(root / "las"), "--out", str(root / "national"), *courses])
        if code:
            sys.exit(f"the national build failed (exit {code}); rerun `iwpacks national` to see which LA")
        print(f"{'national build (' + str(packs) + ' packs)':<40} {national:8.1f} s  peak {peak / 1e6:6.0f} MB")
        print(f"S2 ratio to the master pack: {national / master:.1f}x (target <= 10x); "
              f"time {national / 60:.1f} min (target <= 3 min on 2 cores)")
        print(f"S4 peak resident memory: {peak / 1e6:.0f} MB (target <= 300 MB)")


if __name__ == "__main__":
    main()
