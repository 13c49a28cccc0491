"""Times what a policy team and a national build wait for: start-up, a master pack, LA packs.

Run from the repository root: `python benchmarks/build_bench.py [--las N] [--startup]`. Prints one line per
measure (the best of a few runs for the start-up ones); the national estimate multiplies the measured time of
one LA pack by 150. `--startup` stops after the start-up measures, `iwpacks validate` among them (target: 0.5 s).
"""
from __future__ import annotations

import argparse
import os
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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
