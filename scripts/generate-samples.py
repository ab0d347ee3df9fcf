#!/usr/bin/env python3
"""Writes Sluice's bundled sample data, deterministically (same bytes on every run).

The samples back the scenarios in conf/ and the job's embedded default run:
  demand-forecast/  two years of daily demand for 10 products (CSV)  -> time split
  speech-speakers/  1,000 speakers x 5 utterances (JSON Lines)         -> group split
  factory-clean-noisy/  clean and noisy speech features at 100:1 (CSV) -> domain split

Usage: scripts/generate-samples.py [OUTPUT_DIR]
(default: samples/, which the job jar bundles)
"""
import datetime
import json
import math
import os
import random
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__file__), "..", "samples")


def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="\n") as out:
        for line in lines:
            out.write(line + "\n")


def demand_forecast():
    rng = random.Random(20240101)
    start = datetime.date(2023, 1, 1)
    days = 731  # 2023-01-01 .. 2024-12-31
    products = [f"P{n:03d}" for n in range(1, 11)]
    base = {p: rng.uniform(20, 200) for p in products}
    # One object per year, as a scheduled export would land them.
    for year in (2023, 2024):
        lines = ["date,product,price,promotion,day_of_week,month,holiday,demand"]
        for d in range(days):
            day = start + datetime.timedelta(days=d)
            if day.year != year:
                continue
            for p in products:
                price = round(base[p] / 10 * rng.uniform(0.9, 1.1), 2)
                promotion = 1 if rng.random() < 0.1 else 0
                holiday = 1 if (day.month, day.day) in {(1, 1), (7, 4), (12, 25), (11, 28)} else 0
                season = 1 + 0.3 * math.sin(2 * math.pi * day.timetuple().tm_yday / 365)
                weekly = 1.2 if day.weekday() >= 5 else 1.0
                demand = base[p] * season * weekly * (1.5 if promotion else 1) * (0.5 if holiday else 1)
                demand = max(0, round(demand + rng.gauss(0, base[p] * 0.05)))
                lines.append(
                    f"{day.isoformat()},{p},{price},{promotion},{day.weekday()},{day.month},{holiday},{demand}")
        write(os.path.join(ROOT, "demand-forecast", f"demand-{year}.csv"), lines)


def speech_speakers():
    rng = random.Random(1000)
    # Ten objects of 100 speakers each; every speaker's utterances sit in one object.
    for part in range(10):
        lines = []
        for s in range(part * 100, part * 100 + 100):
            speaker = f"spk{s:04d}"
            centre = [rng.gauss(0, 1) for _ in range(13)]
            for u in range(5):
                mfcc = [round(c + rng.gauss(0, 0.3), 4) for c in centre]
                lines.append(json.dumps({
                    "utterance_id": f"{speaker}-u{u}",
                    "speaker": speaker,
                    "mfcc": mfcc,
                    "keyword": rng.randrange(10),
                }, separators=(",", ":")))
        write(os.path.join(ROOT, "speech-speakers", f"utterances-{part:02d}.jsonl"), lines)


def factory_clean_noisy():
    rng = random.Random(100)
    header = "utterance_id,speaker,domain," + ",".join(f"f{i}" for i in range(13)) + ",keyword"
    clean = [header]
    for s in range(500):
        for u in range(10):
            feats = ",".join(f"{rng.gauss(0, 1):.4f}" for _ in range(13))
            clean.append(f"c-{s:03d}-{u},spk{s:03d},clean,{feats},{rng.randrange(10)}")
    # 100:1. Factory speakers 495..504: five of them also speak in the clean recordings, which is
    # exactly the case where group integrity across domains matters.
    noisy = [header]
    for s in range(495, 505):
        for u in range(5):
            feats = ",".join(f"{rng.gauss(0, 1.5):.4f}" for _ in range(13))
            noisy.append(f"n-{s:03d}-{u},spk{s:03d},noisy,{feats},{rng.randrange(10)}")
    write(os.path.join(ROOT, "factory-clean-noisy", "clean.csv"), clean)
    write(os.path.join(ROOT, "factory-clean-noisy", "noisy-factory.csv"), noisy)


if __name__ == "__main__":
    demand_forecast()
    speech_speakers()
    factory_clean_noisy()
