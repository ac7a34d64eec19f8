"""Sources a pharmacist can trust (issue 12): tiers in the file, `baclofen sources`, and the source
rules in `validate` (BCL021-BCL029, BCL031)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import DATA_FILE, ROOT, SMALL_FILE, invoke, read_yaml, run_cli, shipped_validation

SAFETY_CODES = {"BCL021", "BCL026"}


@pytest.fixture(scope="module")
def data() -> dict:
    return read_yaml(DATA_FILE)


def _copy(tmp_path: Path, edit: Callable[[dict], None], name: str = "clinic.yaml") -> Path:
    """A clinic's own file: the small fixture (the shipped file's own text, cut down: validates in
    a fraction of the time) with `edit` applied."""
    data = read_yaml(SMALL_FILE)
    edit(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _validate(runner, *args: str) -> tuple[int, dict]:
    result = invoke(runner, ["validate", *args, "--json"])
    return result.exit_code, json.loads(result.stdout)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str, str]]:
    """The problems the unedited copy has (none today), so a test can look at only what its own
    edit adds."""
    from typer.testing import CliRunner

    path = _copy(tmp_path_factory.mktemp("baseline"), lambda data: None)
    _, report = _validate(CliRunner(), str(path))
    return {(p["code"], p["field"], p["message"]) for p in report["problems"]}


def _new(report: dict, baseline: set[tuple[str, str, str]]) -> list[dict]:
    return [p for p in report["problems"] if (p["code"], p["field"], p["message"]) not in baseline]


def _found(report: dict, code: str) -> list[dict]:
    return [p for p in [*report["problems"], *report.get("warnings", [])] if p["code"] == code]


def _source(id: str, tier: str, **fields: object) -> dict:
    return {"id": id, "title": f"Title of {id}", "publisher": f"Publisher of {id}",
            "url": f"https://example.org/{id}", "tier": tier, **fields}


# ---------------------------------------------------------------- the shipped file


def test_shipped_file_has_no_other_tier_source_and_no_statement_rests_on_one(runner, data) -> None:
    assert {s["id"]: s.get("tier") for s in data["sources"] if s.get("tier") not in ("official", "reference")} == {}
    assert json.loads(invoke(runner, ["sources", "--tier", "other", "--json"]).stdout) == []
    _, report = shipped_validation()
    assert [p for p in report["problems"] if p["code"] in ("BCL022", "BCL023", "BCL025")] == []


def test_shipped_sources_cite_the_document_not_a_copy(data) -> None:
    for source in data["sources"]:
        assert source["url"] not in source.get("via", []), source["id"]
        assert "various websites" not in source["publisher"].casefold(), source["id"]
        assert "copy" not in source["publisher"].casefold(), source["id"]
        assert source.get("kind") and source.get("accessed"), source["id"]


def test_every_safety_statement_and_emergency_number_cites_an_official_source() -> None:
    """`python benchmarks/source_tiers.py --list` shows what is left when this fails."""
    _, report = shipped_validation()
    assert [f"{p['line']}: {p['code']} {p['field']}: {p['message']}"
            for p in report["problems"] if p["code"] in SAFETY_CODES] == []


# ---------------------------------------------------------------- `baclofen sources`


def test_sources_lists_every_source_under_its_tier_official_first(runner, data) -> None:
    result = invoke(runner, ["sources"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    official = [s for s in data["sources"] if s["tier"] == "official"]
    reference = [s for s in data["sources"] if s["tier"] == "reference"]
    assert text.index("Official sources:") < text.index("Reference sources:")
    assert f"peer-reviewed evidence ({len(official)})" in text
    assert f"hospitals ({len(reference)})" in text
    for source in data["sources"]:
        # Title, publisher and year in plain words, then the address.
        assert f"{source['id']}: {source['title']}" in text, source["id"]
        assert source["publisher"] in text or source["publisher"].casefold() in source["title"].casefold()
    # Provenance is for editors: the copies that were read never reach the reader.
    for source in data["sources"]:
        for copy in source.get("via", []):
            assert copy not in text, (source["id"], copy)


def test_sources_tier_option_and_json(runner, data) -> None:
    from baclofen_cli.core.citations import plain_label

    listed = json.loads(invoke(runner, ["sources", "--tier", "official", "--json"]).stdout)
    assert [s["id"] for s in listed] == [s["id"] for s in data["sources"] if s["tier"] == "official"]
    everything = json.loads(invoke(runner, ["sources", "--json"]).stdout)
    assert [s["id"] for s in everything] == [s["id"] for s in data["sources"]]
    by_id = {s["id"]: s for s in data["sources"]}
    for item in everything:
        assert set(item) == {"id", "tier", "kind", "region", "year", "title", "publisher", "url", "label"}
        assert item["tier"] == by_id[item["id"]]["tier"] and item["url"] == by_id[item["id"]]["url"]
        assert item["label"] == plain_label(by_id[item["id"]])
    text = invoke(runner, ["sources", "--tier", "reference"]).stdout
    assert "Official sources" not in text and "Reference sources" in text


def test_sources_rejects_an_unknown_tier_in_one_line() -> None:
    result = run_cli(["sources", "--tier", "best"])
    assert result.returncode == 2
    assert "--tier" in result.stderr and "official" in result.stderr and "Traceback" not in result.stderr


def test_plain_label_and_ordering_helpers() -> None:
    from baclofen_cli.core.citations import best, distinct, official, plain_label

    medlineplus = {"id": "m", "title": "Baclofen", "publisher": "MedlinePlus, US National Library of Medicine",
                   "year": 2024, "tier": "official", "url": "https://medlineplus.gov/druginfo/meds/a682530.html"}
    assert plain_label(medlineplus) == "Baclofen, MedlinePlus, US National Library of Medicine, 2024"
    nhs = {"id": "n", "title": "About baclofen (NHS)", "publisher": "NHS", "tier": "official",
           "url": "https://www.nhs.uk/medicines/baclofen/about-baclofen/"}
    assert plain_label(nhs) == "About baclofen (NHS)"  # publisher already in the title, no year known
    forum = {"id": "f", "title": "Baclofen chat", "publisher": "A forum", "tier": "other", "url": "https://x.example/"}
    ref = {"id": "r", "title": "Monograph", "publisher": "Drugs.com", "tier": "reference", "url": "https://d.example/"}
    copy = {**medlineplus, "id": "m2", "url": "http://medlineplus.gov/druginfo/meds/a682530.html/"}
    source_map = {s["id"]: s for s in (medlineplus, nhs, forum, ref, copy)}
    assert [s["id"] for s in best(source_map, ["f", "r", "m", "f", "missing"])] == ["m", "r", "f"]
    assert [s["id"] for s in best(source_map, ["f", "r", "n", "m"], limit=2)] == ["n", "m"]
    assert [s["id"] for s in official(source_map, ["f", "r", "n"])] == ["n"]
    assert [s["id"] for s in distinct([medlineplus, copy, nhs])] == ["m", "n"]


# ---------------------------------------------------------------- the rules in `validate`


def test_a_clinic_file_may_use_an_other_source_with_a_warning(runner, tmp_path: Path, baseline) -> None:
    def edit(data: dict) -> None:
        data["sources"].append(_source("clinic-leaflet", "other", kind="leaflet"))
        # A topic that is not safety advice (an "other" source there is only a warning).
        administration = next(t for t in data["topics"] if t["id"] == "administration")
        assert "administration" not in data["safety_topics"]
        administration["sections"][0]["points"][0]["sources"].append("clinic-leaflet")

    path = _copy(tmp_path, edit)
    code, report = _validate(runner, str(path))
    assert _new(report, baseline) == []
    assert code == (1 if baseline else 0)
    [warning] = _found(report, "BCL024")
    assert "'clinic-leaflet' is 'other' tier" in warning["message"] and warning["error"] is False
    assert _found(report, "BCL023") == []
    assert invoke(runner, ["--data", str(path), "administration"]).exit_code == 0


def test_a_statement_resting_only_on_other_sources_fails_validate_but_loads(runner, tmp_path: Path) -> None:
    def edit(data: dict) -> None:
        data["sources"].append(_source("clinic-forum", "other", kind="other"))
        data["topics"][0]["summary"]["sources"] = ["clinic-forum"]

    path = _copy(tmp_path, edit)
    code, report = _validate(runner, str(path))
    assert code == 1
    [problem] = _found(report, "BCL022")
    assert problem["field"] == "topics[0].summary.sources" and problem["line"] and problem["error"] is False
    assert "clinic-forum (other)" in problem["message"]
    assert invoke(runner, ["--data", str(path), "overview"]).exit_code == 0
    text = invoke(runner, ["validate", str(path)]).stdout
    assert f"{path}:{problem['line']}: BCL022 topics[0].summary.sources:" in text


def test_the_shipped_file_is_known_by_its_path(runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from baclofen_cli.core import loader

    assert loader.is_shipped(str(DATA_FILE))
    link = tmp_path / "link.yaml"
    link.symlink_to(DATA_FILE)
    assert loader.is_shipped(str(link))  # the same file by another name
    path = _copy(tmp_path, lambda data: data["sources"].append(_source("clinic-shop", "other")))
    assert not loader.is_shipped(str(path)) and not loader.is_shipped("/dev/stdin")
    # The same content as the built-in file: an "other" source is then a problem, not a warning.
    monkeypatch.setattr(loader, "default_path", lambda: path)
    code, report = _validate(runner)
    assert code == 1 and _found(report, "BCL024") == []
    [problem] = _found(report, "BCL023")
    assert "'clinic-shop'" in problem["message"] and problem["field"].endswith(".tier")


def test_a_safety_statement_needs_an_official_source(runner, tmp_path: Path) -> None:
    def edit(data: dict) -> None:
        data["emergency"]["signs"][0]["sources"] = ["s14"]  # ISMP: a reference source
        data["interactions"]["groups"][0]["sources"] = ["s14", "s23"]
        data["interactions"]["unknown_drug"]["sources"] = ["s14"]

    code, report = _validate(runner, str(_copy(tmp_path, edit)))
    assert code == 1
    fields = {p["field"] for p in _found(report, "BCL021")}
    assert {"emergency.signs[0].sources", "interactions.groups[0].sources",
            "interactions.unknown_drug.sources"} <= fields
    message = next(p["message"] for p in _found(report, "BCL021") if p["field"] == "interactions.groups[0].sources")
    assert message == "safety statement cites no official source: s14 (reference), s23 (reference)"


def test_which_topics_are_safety_advice_comes_from_the_file(runner, tmp_path: Path, baseline) -> None:
    def edit(data: dict) -> None:
        assert "administration" not in data["safety_topics"]
        data["safety_topics"] = [*data["safety_topics"], "administration"]

    _, after = _validate(runner, str(_copy(tmp_path, edit)))
    administration = [t["id"] for t in read_yaml(SMALL_FILE)["topics"]].index("administration")
    new = _new(after, baseline)
    assert new and {p["code"] for p in new} == {"BCL021"}
    assert all(p["field"].startswith(f"topics[{administration}].") for p in new)

    code, report = _validate(runner, str(_copy(tmp_path, lambda data: data["safety_topics"].append("storgae"))))
    assert code == 1
    assert [p["message"] for p in _found(report, "BCL004")] == ["safety_topics names unknown topic 'storgae'"]


def test_a_publisher_must_be_named(runner, tmp_path: Path) -> None:
    path = _copy(tmp_path, lambda data: data["sources"][0].update(publisher="various websites"))
    code, report = _validate(runner, str(path))
    assert code == 1
    [problem] = _found(report, "BCL025")
    assert problem["field"] == "sources[0].publisher"


def test_emergency_numbers_cite_an_authority_for_their_region(runner, tmp_path: Path) -> None:
    def edit(data: dict) -> None:
        contacts = data["emergency"]["contacts"]
        by_number = {c["number"]: c for c in contacts}
        by_number["911"]["sources"] = ["s64"]  # US poison centre: an authority for the US
        by_number["999"]["sources"] = ["s64"]  # ... but not for the UK
        by_number["1-800-222-1222"]["sources"] = ["s14"]  # a professional body, not an authority
        contacts.append({"label": "Our clinic", "number": "555 0100", "region": "US", "kind": "other"})

    code, report = _validate(runner, str(_copy(tmp_path, edit)))
    assert code == 1
    flagged = {p["message"].split("'")[1] for p in _found(report, "BCL026")}
    assert "911" not in flagged and "555 0100" not in flagged
    assert {"999", "1-800-222-1222"} <= flagged

    def fixed(data: dict) -> None:
        edit(data)
        by_number = {c["number"]: c for c in data["emergency"]["contacts"]}
        by_number["999"]["sources"] = ["s47"]  # NHS: when to call 999
        data["sources"].append(_source("clinic-poison", "official", kind="Poison Center", region="US"))
        by_number["1-800-222-1222"]["sources"] = ["clinic-poison"]

    _, report = _validate(runner, str(_copy(tmp_path, fixed, "fixed.yaml")))
    flagged = {p["message"].split("'")[1] for p in _found(report, "BCL026")}
    assert not {"911", "999", "1-800-222-1222"} & flagged


def test_citation_hygiene_warnings_do_not_fail_validate(runner, tmp_path: Path, baseline) -> None:
    def edit(data: dict) -> None:
        data["sources"] += [
            _source("clinic-a", "official", kind="label", region="US", url="https://www.example.org/label/"),
            _source("clinic-b", "official", kind="label", region="US", url="http://example.org/label"),
            _source("clinic-c", "official", kind="label", region="US",
                    url="https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=baclofen"),
        ]
        # A point for Australian readers that only cites US documents.
        point = next(t for t in data["topics"] if t["id"] == "administration")["sections"][0]["points"][0]
        point["sources"] = ["clinic-a", "clinic-b", "clinic-c"]
        point["regions"] = ["AU"]

    code, report = _validate(runner, str(_copy(tmp_path, edit)))
    assert _new(report, baseline) == [] and code == (1 if baseline else 0)
    messages = {p["code"]: p["message"] for p in report.get("warnings", []) if "clinic-" in p["message"]}
    assert messages["BCL028"] == "source 'clinic-b' has the same URL as 'clinic-a': one document, one id"
    assert "'clinic-c' links to a DailyMed search" in messages["BCL027"]
    [region] = [p for p in _found(report, "BCL029") if "clinic-a" in p["message"]]
    assert region["message"] == ("written for AU but every source is for another region: "
                                 "clinic-a (official), clinic-b (official), clinic-c (official)")
    assert not {p["code"] for p in report["problems"]} & {"BCL027", "BCL028", "BCL029"}
    text = invoke(runner, ["validate", str(tmp_path / "clinic.yaml")]).stdout
    assert "BCL028 warning sources[" in text and "warnings" in text.splitlines()[-1]


def test_an_api_query_is_not_a_document_a_reader_can_open(runner, tmp_path: Path, baseline) -> None:
    """BCL031: an openFDA API query returns JSON for programs, so a nurse cannot hand it to anyone.
    A warning (the file still passes), one per such source, and not for the label page itself."""
    def edit(data: dict) -> None:
        data["sources"] += [
            _source("clinic-api", "official", kind="label", region="US",
                    url="https://api.fda.gov/drug/label.json?search=openfda.brand_name:%22Ambien%22"),
            _source("clinic-label", "official", kind="label", region="US",
                    url="https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=747949c5-2c91-4909-8a07-71b6826f8e97"),
        ]
        point = next(t for t in data["topics"] if t["id"] == "administration")["sections"][0]["points"][0]
        point["sources"] = ["clinic-api", "clinic-label"]

    code, report = _validate(runner, str(_copy(tmp_path, edit)))
    assert _new(report, baseline) == [] and code == (1 if baseline else 0)
    flagged = [p for p in _found(report, "BCL031") if "clinic-" in p["message"]]
    assert [p["message"].split("'")[1] for p in flagged] == ["clinic-api"]
    assert "openFDA API query" in flagged[0]["message"] and "set id page" in flagged[0]["message"]
    assert flagged[0]["field"].startswith("sources[") and flagged[0]["field"].endswith("].url")
    text = invoke(runner, ["validate", str(tmp_path / "clinic.yaml")]).stdout
    assert "BCL031 warning sources[" in text

    # The shipped file: every openFDA query left is listed, and none fails validate.
    _, shipped = shipped_validation()
    api = {s["id"] for s in read_yaml(DATA_FILE)["sources"] if s["url"].startswith("https://api.fda.gov/")}
    assert {p["message"].split("'")[1] for p in _found(shipped, "BCL031")} == api
    assert not [p for p in shipped["problems"] if p["code"] == "BCL031"]


def test_counting_script_uses_the_audit_method(tmp_path: Path) -> None:
    script = ROOT / "benchmarks" / "source_tiers.py"

    def run(*args: str) -> dict:
        return json.loads(subprocess.run(
            [sys.executable, str(script), *args, "--json"], capture_output=True, text=True, check=True).stdout)

    now = run()
    data = read_yaml(DATA_FILE)
    assert now["sources"] == len(data["sources"]) == sum(now["tiers"].values())
    assert now["tiers"]["other"] == 0 and now["other_only"] == 0
    # Every source "other": every statement then rests only on "other", and no safety statement has an official one.
    tiers = tmp_path / "tiers.json"
    tiers.write_text(json.dumps({s["id"]: "other" for s in data["sources"]}), encoding="utf-8")
    worst = run("--tiers", str(tiers))
    assert worst["other_only"] == worst["statements"] == now["statements"]
    assert worst["safety_without_official"] == worst["safety_statements"] > 0


def test_a_clinic_overlay_is_held_to_the_rules_only_for_what_it_adds(runner, tmp_path: Path) -> None:
    overlay = tmp_path / "riverside.yaml"
    overlay.write_text("""\
extends: builtin
sources:
  - {id: riverside-forum, title: Patient forum thread, publisher: A forum, url: "https://forum.example/t/1", tier: other}
  - {id: s2, title: "Baclofen tablets (Eywa Pharma)"}
topics:
  - id: storage
    sections:
      - heading: Riverside tips
        points:
          - {text: "Keep a spare pack at work.", sources: [riverside-forum]}
emergency:
  contacts:
    - {label: Riverside pump team, number: "555 0101", region: US, kind: urgent-advice}
""", encoding="utf-8")
    code, report = _validate(runner, str(overlay))
    assert code == 1
    found = {(p["code"], p["message"]) for p in [*report["problems"], *report.get("warnings", [])]}
    assert {code for code, _ in found} == {"BCL022", "BCL024", "BCL026"}, found
    assert all(p["line"] and p["line"] > 1 for p in [*report["problems"], *report["warnings"]])
    # The built-in file's own to-dos (a DailyMed search link, shared URLs) are its editors' business.
    assert not any("'s2'" in message for _, message in found)
