"""benchmarks/victim_ceiling.py: a gold victim counts as findable only if the text names it."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("victim_ceiling", ROOT / "benchmarks" / "victim_ceiling.py")
vc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(vc)

# HHS: real rows (the matcher is the scorer's: "Health" ~ "Health Care", "Inc." dropped); the third's gold names another row's entity (hhs:Henry Ford Health:06/06/2023)
HHS = [
    ("The covered entity (CE), UMass Memorial Health, reported that several employees were the subjects",
     ["UMass Memorial Health Care"], True),
    ("The covered entity (CE), Total Health Care, reported that several employees were the subjects",
     ["Total Health Care Inc."], True),
    ("The covered entity (CE), Brigham and Women’s Hospital, reported that graphs posted to the Internet",
     ["Henry Ford Health"], False),
]


def test_findable_hhs_rows():
    for text, gold, want in HHS:
        assert vc.findable(text, gold) is want, (text, gold)


def test_main_prints_ceiling(tmp_path, capsys):
    f = tmp_path / "p.jsonl"
    f.write_text("\n".join(json.dumps({"id": i, "text": t, "gold": {"victims": [g]}}) for i, (t, g, _) in enumerate(HHS)))
    assert vc.main([str(f)]) == 0
    out = capsys.readouterr().out
    assert "a gold name occurs in the text of 2" in out and "recall ceiling 0.667" in out
