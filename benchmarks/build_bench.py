"""Times what a policy team and a national build wait for: start-up, a master pack, LA packs.

Run from the repository root: `python benchmarks/build_bench.py [--las N] [--startup] [--rebuild]`. Prints one
line per measure (the best of a few runs for the start-up ones); the national estimate multiplies the measured
time of one LA pack by 150. `--startup` stops after the start-up measures, `iwpacks validate` among them (target:
0.5 s). `--rebuild` times only the render cache: a cold build of the master pack into a fresh cache, then a
rebuild after one module's material is edited in a copy of content/, with how many courses each rendered.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing

def timed(label: str, func, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<48} {best:8.2f} s")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--las", type=int, default=2, help="LA packs to build (cycling the examples)")
    parser.add_argument("--startup", action="store_true", help="only the start-up measures")
    parser.add_argument("--rebuild", action="store_true",
                        help="only the render cache: a cold master build, then a rebuild after editing one module")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for --rebuild")
    args = parser.parse_args()
    if args.rebuild:
        rebuild(args.jobs)
        return
    import iwpacks
    from iwpacks.overlay.layers import apply_overlay, known_las, load_overlay
    from iwpacks.pack.build import build_pack
    from iwpacks.source.brand import load_brand

    timed("start-up: import and load the content (cold)", lambda: subprocess.run(
        [sys.executable, "-c", "import iwpacks; iwpacks.load_programme()"], check=True), repeat=3)
    timed("start-up: `iwpacks list courses` (cold)", lambda: subprocess.run(
        [sys.executable, "-m", "iwpacks", "list", "courses"], check=True, capture_output=True), repeat=3)
    timed("start-up: `iwpacks validate` (cold; target 0.5 s)", lambda: subprocess.run(
        [sys.executable, "-m", "iwpacks", "validate"], check=True, capture_output=True), repeat=5)
    if args.startup:
        return
    programme = iwpacks.load_programme()
    brand = load_brand()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        timed("master pack, 17 courses, 1 process", lambda: build_pack(programme, brand, out / "m1"))
        timed(f"master pack, 17 courses, {cores} processes", lambda: build_pack(programme, brand, out / "m2",
                                                                                  jobs=cores))
        timed("one course (caf-practitioners), 1 process", lambda: build_pack(programme, brand, out / "one",
                                                                            ["caf-practitioners"]))
        las = known_las()
        start = time.perf_counter()
        for n in range(args.las):
            la = las[n % len(las)]
            build_pack(apply_overlay(programme, load_overlay(programme, la)), brand, out / f"la{n}",
                       jobs=cores, make_zip=True)
        per_la = (time.perf_counter() - start) / args.las
        print(f"{'one LA pack (17 courses + zip), ' + str(cores) + ' processes':<48} {per_la:8.2f} s")
        print(f"{'estimate: 150 LA packs':<48} {per_la * 150 / 60:8.1f} min")


# The edit: one sentence of a module's speaker notes, in a module that only its own courses teach (no other
# course names it as a prerequisite or entry requirement, which would put it in their plans too).
EDIT = ("material/LP02.yaml", "Start with skills.", "Begin with skills.")


def rebuild(jobs: int) -> None:
    """A cold master build into a fresh cache, then the rebuild after editing one module's material."""
    import iwpacks
    from iwpacks.pack.build import build_pack
    from iwpacks.source.brand import load_brand
    from iwpacks.source.read_content import content_root

    brand = load_brand()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        content = shutil.copytree(content_root(None), root / "content")
        cache = root / "cache"
        results = []

        def build(label: str, out: str) -> None:
            programme = iwpacks.load_programme(content)
            results.append(build_pack(programme, brand, root / out, jobs=jobs, cache=cache))
            r = results[-1]
            print(f"  {len(r.courses)} courses: {len(r.rendered)} rendered, {len(r.cached)} from the cache")

        timed(f"master pack, fresh cache, {jobs} processes", lambda: build("cold", "cold"))
        relative, old, new = EDIT
        path = content / relative
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        timed(f"rebuild after editing {Path(relative).stem}'s material", lambda: build("edit", "edited"))
        print(f"  rendered: {', '.join(results[-1].rendered)}")
        timed("rebuild with nothing changed", lambda: build("same", "same"))


if __name__ == "__main__":
    main()
