"""The baseline for benches/pipeline.rs: what a revenue-operations analyst would otherwise do with
Python and pandas. Reads the same CSV export, keeps one month, and computes the same figures:
leads delivered per rep, acceptance rate, median and 90th percentile of hours to first contact
(elapsed, which is less work than business hours), and the share of rejected leads with a reason.
Prints one JSON line: seconds (reading and computing, not starting Python) and peak RSS in MB.
Usage: python3 pandas_baseline.py EXPORT.csv YYYY-MM
"""
import json
import resource
import sys
import time

import pandas as pd

path, month = sys.argv[1], sys.argv[2]
start = time.perf_counter()
frame = pd.read_csv(path, sep=";", encoding="utf-8")
for column in ("Дата создания", "Дата первого контакта"):
    frame[column] = pd.to_datetime(frame[column], format="%d.%m.%Y %H:%M:%S", errors="coerce")
period = frame[frame["Дата создания"].dt.strftime("%Y-%m") == month]
stage = period["Этап"]
delivered = period[stage.isin(["Квалифицирован", "Принят в работу", "Некачественный лид"])]
accepted = delivered[delivered["Этап"] == "Принят в работу"]
rejected = delivered[delivered["Этап"] == "Некачественный лид"]
per_rep = delivered.groupby("Ответственный").size()
hours = (delivered["Дата первого контакта"] - delivered["Дата создания"]).dt.total_seconds() / 3600
figures = {
    "delivered_per_rep": float(per_rep.mean()),
    "acceptance_rate": 100.0 * len(accepted) / max(len(delivered), 1),
    "first_contact_median_hours": float(hours.median()),
    "first_contact_p90_hours": float(hours.quantile(0.9)),
    "rejected_with_reason": 100.0 * rejected["Причина отказа"].notna().sum() / max(len(rejected), 1),
}
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "figures": figures}))
