"""Build rules/data/postcode_districts.csv: every live postcode district and where it is.

The districts are those of the ONS Postcode Directory (ONSPD) as the PyPI package
uk-postcodes-parsing ships them (one module per district under ``outcodes/``, listed in
``outcodes/index.py``). To rebuild from a newer release:

    pip download --no-deps -d /tmp/pc uk-postcodes-parsing==VERSION
    unzip -q /tmp/pc/*.whl -d /tmp/pc/x
    python scripts/build_postcode_districts.py /tmp/pc/x/uk_postcodes_parsing/outcodes/index.py \\
        --source "uk-postcodes-parsing VERSION (ONSPD MONTH YEAR)"

The ONSPD has no jurisdiction column at district level, so it is given here by postcode
area, with the districts of Scottish areas that cross into England named one by one. The
Crown dependencies (GY Guernsey, JE Jersey, IM Isle of Man) are listed under their own names:
their postcodes are real, but they are not in the United Kingdom.
"""
from __future__ import annotations

import argparse
import ast
import datetime
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "rules" / "data" / "postcode_districts.csv"

ENGLAND_AND_WALES = "England and Wales"
SCOTLAND = "Scotland"
NORTHERN_IRELAND = "Northern Ireland"

SCOTTISH_AREAS = {"AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "TD", "ZE"}
NORTHERN_IRISH_AREAS = {"BT"}
CROWN_DEPENDENCIES = {"GY": "Guernsey", "JE": "Jersey", "IM": "Isle of Man"}
#: Districts of Scottish areas that are partly in England: TD9 (Kershopefoot, Cumbria), TD12
#: (Cornhill-on-Tweed and Wark, Northumberland), TD15 (Berwick-upon-Tweed, Northumberland) and
#: DG16 (Gretna, with addresses over the border in Cumbria).
CROSS_BORDER = {"TD9", "TD12", "TD15", "DG16"}


def jurisdiction(district: str) -> str:
    area = re.match(r"[A-Z]+", district)
    assert area is not None, district
    if area.group(0) in CROWN_DEPENDENCIES:
        return CROWN_DEPENDENCIES[area.group(0)]
    if area.group(0) in NORTHERN_IRISH_AREAS:
        return NORTHERN_IRELAND
    if district in CROSS_BORDER:
        return f"{ENGLAND_AND_WALES}; {SCOTLAND}"
    if area.group(0) in SCOTTISH_AREAS:
        return SCOTLAND
    return ENGLAND_AND_WALES


def _key(district: str) -> tuple[str, int, str]:
    match = re.match(r"([A-Z]+)(\d+)([A-Z]?)$", district)
    assert match is not None, district
    return match[1], int(match[2]), match[3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index", type=Path, help="outcodes/index.py of uk-postcodes-parsing")
    parser.add_argument("--source", required=True,
                        help='for example "uk-postcodes-parsing 2.1.0 (ONSPD February 2025)"')
    args = parser.parse_args()
    tree = ast.parse(args.index.read_text())
    districts = next(
        ast.literal_eval(node.value) for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "AVAILABLE_OUTCODES"
    )
    rows = sorted(((d, jurisdiction(d)) for d in districts), key=lambda row: _key(row[0]))
    lines = [
        "# Every live postcode district (outward code) of the UK and the Crown dependencies, and where it is.",
        f"# Source: the districts of the ONS Postcode Directory, from {args.source}.",
        "# Contains OS data, Royal Mail data and National Statistics data, Crown copyright and database right,",
        "# Open Government Licence v3.0. Jurisdiction by postcode area; TD9, TD12, TD15 and DG16 cross into England.",
        f"# Built {datetime.date.today().isoformat()} by scripts/build_postcode_districts.py.",
        "district,jurisdiction",
        *(f'{district},"{where}"' if ";" in where else f"{district},{where}" for district, where in rows),
    ]
    OUT.write_text("\n".join(lines) + "\n")
    print(f"{len(rows)} districts written to {OUT}")


if __name__ == "__main__":
    main()
