#!/usr/bin/env python3
"""Writes assets/aws_services.json: the full name of every AWS service, from Debian's
python3-botocore (metadata.serviceFullName of each botocore/data/*/*/service-2.json), so the
title checker recognises AWS services from a maintained source instead of a hand-kept list.

    scripts/aws_service_names.py [python3-botocore_*.deb]

Without an argument the package is fetched with `apt-get download` into a temporary folder
(no install, no root needed). The names added by hand for services newer than the package,
each with its source, are kept from the existing asset: edit that list, then run this again.
"""
import gzip
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
ASSET = ROOT / "assets" / "aws_services.json"
PACKAGE = "python3-botocore"


def fetch_package(folder):
    subprocess.run(["apt-get", "download", PACKAGE], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL)
    debs = sorted(pathlib.Path(folder).glob(PACKAGE + "_*.deb"))
    if not debs:
        sys.exit(f"aws_service_names: apt-get download {PACKAGE} left no .deb")
    return debs[-1]


def package_field(deb, field):
    return subprocess.run(["dpkg-deb", "-f", str(deb), field], check=True,
                          capture_output=True, text=True).stdout.strip()


def changelog_date(tree):
    """The date of the package's newest Debian changelog entry, as YYYY-MM-DD."""
    changelog = tree / "usr/share/doc" / PACKAGE / "changelog.Debian.gz"
    with gzip.open(changelog, "rt", encoding="utf-8") as text:
        for line in text:
            if line.startswith(" -- ") and "  " in line[4:]:
                stamp = line.rsplit("  ", 1)[1].strip()
                return subprocess.run(["date", "-u", "-d", stamp, "+%Y-%m-%d"], check=True,
                                      capture_output=True, text=True).stdout.strip()
    sys.exit("aws_service_names: no dated entry in " + str(changelog))


def read_model(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as text:
        return json.load(text)


def service_names(tree):
    data = next(tree.glob("usr/lib/python3/dist-packages/botocore/data"), None)
    if data is None:
        sys.exit("aws_service_names: no botocore/data folder in the package")
    names = set()
    for model in data.glob("*/*/service-2.json*"):
        name = read_model(model).get("metadata", {}).get("serviceFullName", "").strip()
        if name:
            names.add(" ".join(name.split()))
    return sorted(names, key=str.casefold)


def main():
    with tempfile.TemporaryDirectory() as folder:
        deb = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else fetch_package(folder)
        tree = pathlib.Path(folder) / "tree"
        subprocess.run(["dpkg-deb", "-x", str(deb), str(tree)], check=True)
        names = service_names(tree)
        source = {
            "package": PACKAGE,
            "version": package_field(deb, "Version"),
            "date": changelog_date(tree),
            "field": "metadata.serviceFullName of botocore/data/*/*/service-2.json",
            "generated_by": "scripts/aws_service_names.py",
        }
    by_hand = json.loads(ASSET.read_text(encoding="utf-8")).get("added_by_hand", []) \
        if ASSET.exists() else []
    asset = {"source": source, "services": names, "added_by_hand": by_hand}
    ASSET.write_text(json.dumps(asset, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{ASSET.relative_to(ROOT)}: {len(names)} names from {PACKAGE} {source['version']} "
          f"({source['date']}), {len(by_hand)} added by hand")


if __name__ == "__main__":
    main()
