"""breach_records: embedded records are found with their ranges, parsed safely and mapped.

Case tables by origin: SEED (the founding page), DEV_PAGES (snippets of the dev pages'
records), HHS_EMBED (the three shapes of the HHS portal row), WILD (fact-box shapes
written for these tests), NOT_RECORDS (prose and boilerplate that must stay prose).
"""

from __future__ import annotations

import json

import pytest
import spacy

from breach_nlp.components.records import Records, normalize_key

from .conftest import shared_path


@pytest.fixture(scope="module")
def finder() -> Records:
    comp = Records(spacy.blank("en"), "breach_records")
    comp.initialize()
    return comp


def find(finder: Records, text: str) -> list[dict]:
    recs = finder.find(text)
    for r in recs:
        assert 0 <= r["start"] < r["end"] <= len(text), (text, r)
        json.dumps(r)  # JSON-safe
    return recs


# --- SEED ------------------------------------------------------------------------------

def test_seed_has_both_records(finder, seed_text):
    recs = find(finder, seed_text)
    assert [r["format"] for r in recs] == ["key_value", "python_dict"]
    frag, pydict = recs
    assert seed_text[frag["start"]:].startswith('"id": "FRE1772224282"')
    assert frag["raw"]["date"] == "2/2026" and frag["fields"]["date"] == "2026-02"
    assert seed_text[pydict["start"]:].startswith("{'affected_entities'")
    assert seed_text[: pydict["end"]].endswith("'type': 'Data Breach'}")
    f = pydict["fields"]
    assert f["organization"] == "France’s Health Ministry"
    assert f["records_affected"] == 15_000_000
    assert "medical" in f["data_categories"]
    assert pydict["errors"] == [] and frag["errors"] == []


def test_seed_boilerplate_and_source_lines_are_not_records(finder, seed_text):
    recs = find(finder, seed_text)
    last = max(r["end"] for r in recs)
    assert "Great! Next, complete checkout" in seed_text[last:]
    src = seed_text.index("Source: https://")
    assert all(not (r["start"] <= src < r["end"]) for r in recs)


# --- DEV_PAGES ---------------------------------------------------------------------------

B03_JSON = """The airline carries more than 50 million passengers a year.

{
  "organization": "Qantas Airways Limited",
  "country": "Australia",
  "incident_date": "2025-06-30",
  "records_affected": 5700000,
  "data_types": [
    "Names",
    "Email addresses"
  ],
  "attack_vector": "Social engineering of contact centre platform"
}
"""

B04_JSON_LD = """People whose information was exposed can choose free credit monitoring.

<script type="application/ld+json">
{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "Equifax agrees to settle breach investigations with FTC, CFPB and states",
  "datePublished": "2019-07-22",
  "about": {"@type": "Organization", "name": "Equifax Inc."},
  "mentions": [
    {"@type": "PropertyValue", "name": "recordsAffected", "value": 15200000},
    {"@type": "PropertyValue", "name": "dataCompromised",
     "value": "Names, Social Security numbers, dates of birth, addresses, driver's license numbers"}
  ]
}
</script>
"""

B06_MINIFIED = (
    "Never give out passwords or bank details in response to an unsolicited message.\n\n"
    '{"company_name":"Viamedis","sector":"Health insurance services","country":"FR",'
    '"breach_date":"2024-01","individuals_affected":33000000,"data_types":["Bank details","Medical data"]}'
)

B08_LINES = """The group has been posting updates to more than 30,000 followers on its Telegram channel.

Incident summary
Company: NVIDIA Corporation
Incident date: 2022-02-23
Threat actor: Lapsus$
Records exposed: 71,335
Compromised data: Employee email addresses; NTLM password hashes; Source code
"""

B10_LINES = """It is MGM's second major breach in recent years.

Breach record
Company name: MGM Resorts International
Breach date: 09/2023
Records: Not disclosed
Data exposed: Names; contact information; gender; dates of birth
"""

B12_JSON_LD_EVENT = """<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Event",
 "name": "Health Service Executive ransomware attack", "startDate": "2022-05-14",
 "location": {"@type": "Country", "name": "Ireland"},
 "about": {"@type": "Organization", "name": "Health Service Executive"},
 "recordsAffected": 113000,
 "dataCompromised": ["Patient contact details", "Medical information"]}
</script>"""

B13_KEY_VALUE = """The case is often cited as an example of why health data needs to be encrypted at rest.

"id": "VAS1603497600",
"organization": "Psykoterapiakeskus Vastaamo Oy",
"type": "Breach",
"breach_date": "11/2018",
"patients_affected": "33000",
"type_of_data_compromised": "Therapy notes, personal identity codes, contact details"
"""

B14_PYTHON_DICT = """Star Health cybersecurity rating report: https://ratings.example.com/company/star-health

{'affected_entities': [{'customers_affected': '31000000',
                        'name': 'Star Health and Allied Insurance Co. Ltd.',
                        'type': 'Public'}],
 'data_breach': {'number_of_records_exposed': '31000000',
                 'type_of_data_compromised': ['Names', 'Medical reports']},
 'date': '10/2024',
 'threat_actor': 'xenZen',
 'type': 'Data Breach'}
"""

B18_JSON = (
    '{"entity":"Air India Limited","sector":"Aviation","records":4500000,'
    '"date_disclosed":"2021-05-21","vendor":"SITA","compromised_data":["names","credit card data"]}'
)

# (id, text, format, organization, records_affected, date, must-start-with)
DEV_PAGES = [
    ("B03-json", B03_JSON, "json", "Qantas Airways Limited", 5_700_000, "2025-06-30", "{"),
    ("B04-json-ld-datePublished", B04_JSON_LD, "json_ld", "Equifax Inc.", 15_200_000, "2019-07-22", "<script"),
    ("B06-minified", B06_MINIFIED, "json", "Viamedis", 33_000_000, "2024-01", '{"company_name"'),
    ("B08-incident-summary-lines", B08_LINES, "lines", "NVIDIA Corporation", 71_335, "2022-02-23", "Incident summary"),
    ("B10-breach-record-not-disclosed", B10_LINES, "lines", "MGM Resorts International", None, "2023-09", "Breach record"),
    ("B12-json-ld-startDate", B12_JSON_LD_EVENT, "json_ld", "Health Service Executive", 113_000, "2022-05-14", "<script"),
    ("B13-loose-key-value", B13_KEY_VALUE, "key_value", "Psykoterapiakeskus Vastaamo Oy", 33_000, "2018-11", '"id"'),
    ("B14-pprint-dict", B14_PYTHON_DICT, "python_dict", "Star Health and Allied Insurance Co. Ltd.", 31_000_000, "2024-10", "{'affected"),
    ("B18-date-disclosed", B18_JSON, "json", "Air India Limited", 4_500_000, "2021-05-21", '{"entity"'),
]


@pytest.mark.parametrize(
    "text, fmt, org, count, date, starts", [c[1:] for c in DEV_PAGES], ids=[c[0] for c in DEV_PAGES]
)
def test_dev_page_records(finder, text, fmt, org, count, date, starts):
    recs = find(finder, text)
    assert len(recs) == 1, (text, recs)
    r = recs[0]
    assert r["format"] == fmt, text
    assert text[r["start"]:].startswith(starts), (text, r)
    assert text[: r["end"]].rstrip().endswith(text.rstrip()[-8:]), (text, r)
    f = r["fields"]
    assert (f["organization"], f["records_affected"], f["date"]) == (org, count, date), (text, f)


def test_json_ld_publication_date_is_also_date_published(finder):
    f = find(finder, B04_JSON_LD)[0]["fields"]
    assert f["date_published"] == "2019-07-22" and f["date_role"] == "publication"


def test_json_ld_location_and_record_dates_mapped(finder):
    f = find(finder, B12_JSON_LD_EVENT)[0]["fields"]
    assert f["country"] == "Ireland" and f["date_role"] == "incident"


def test_attacker_and_other_fields_mapped(finder):
    f = find(finder, B14_PYTHON_DICT)[0]["fields"]
    assert f["attacker"] == "xenZen"
    f = find(finder, B18_JSON)[0]["fields"]
    assert f["vendor"] == "SITA" and f["industry"] == "Aviation"


def test_unknown_fields_stay_in_raw_only(finder):
    r = find(finder, B13_KEY_VALUE)[0]
    assert r["raw"]["id"] == "VAS1603497600"
    assert "id" not in r["fields"]


def test_data_categories_are_taxonomy_categories(finder):
    f = find(finder, B14_PYTHON_DICT)[0]["fields"]
    assert "personal" in f["data_categories"]
    assert len(f["data_categories"]) == len(set(f["data_categories"]))


# --- HHS_EMBED -------------------------------------------------------------------------

HHS_PROSE = (
    "The covered entity (CE), Bay Area Anesthesia, reported that its business associate (BA) "
    "experienced a cyber-attack that affected the protected health information (PHI) of 15,196 "
    "individuals.\n\nBreach report\n"
)
HHS_EMBED = [
    ("json", HHS_PROSE + '{\n  "Name of Covered Entity": "Bay Area Anesthesia, LLC",\n'
     '  "Individuals Affected": 15196,\n  "Breach Submission Date": "02/26/2024",\n'
     '  "Type of Breach": "Hacking/IT Incident",\n  "Location of Breached Information": "Network Server"\n}\n', "json"),
    ("python_dict", HHS_PROSE + "{'name_of_covered_entity': 'Bay Area Anesthesia, LLC', "
     "'individuals_affected': '15196', 'breach_submission_date': '02/26/2024', "
     "'type_of_breach': 'Hacking/IT Incident', 'location_of_breached_information': 'Network Server'}\n", "python_dict"),
    ("lines", HHS_PROSE + "Name of Covered Entity: Bay Area Anesthesia, LLC\nIndividuals Affected: 15,196\n"
     "Breach Submission Date: 02/26/2024\nType of Breach: Hacking/IT Incident\n"
     "Location of Breached Information: Network Server\n", "lines"),
]


@pytest.mark.parametrize("text, fmt", [c[1:] for c in HHS_EMBED], ids=[c[0] for c in HHS_EMBED])
def test_hhs_embed_shapes(finder, text, fmt):
    recs = find(finder, text)
    assert len(recs) == 1, text
    r = recs[0]
    assert r["format"] == fmt
    assert text[r["start"]:].startswith("Breach report"), "the header line belongs to the record"
    f = r["fields"]
    assert f["organization"] == "Bay Area Anesthesia, LLC"
    assert f["records_affected"] == 15196
    assert f["date"] == "2024-02-26" and f["date_role"] == "submission"
    assert f["breach_type"] == "Hacking/IT Incident"
    assert "data_categories" in f and f["data_categories"] == []  # "Location of Breached Information" is not data


# --- WILD: other shapes ----------------------------------------------------------------

WILD = [
    ("markdown-table",
     "Summary of the incident.\n\n| Field | Value |\n|---|---|\n| Victim | Acme Health |\n"
     "| Number of people affected | 12,345 |\n| Date of breach | March 2024 |\n",
     "lines", "Acme Health", 12_345, "2024-03"),
    ("tab-table",
     "Key facts\nOrganisation\tAcme Bank\nCustomers affected\t2.5 million\nDisclosure date\t2024-05-02\n",
     "lines", "Acme Bank", 2_500_000, "2024-05-02"),
    ("bulleted-fact-box",
     "Fact sheet\n- Company: Acme Corp\n- Records exposed: 1.2 million\n- Date breach was discovered: 2023-11-04\n",
     "lines", "Acme Corp", 1_200_000, "2023-11-04"),
    ("hibp-style-json",
     '[{"Name": "Adobe", "Title": "Adobe", "BreachDate": "2013-10-04", "PwnCount": 152445165, '
     '"DataClasses": ["Email addresses", "Passwords"]}]',
     "json", "Adobe", 152_445_165, "2013-10-04"),
    ("json-in-code-fence",
     'The feed entry:\n```json\n{"victim": "Acme", "total_affected": "3,000", "date": "2022"}\n```\nMore prose.',
     "json", "Acme", 3_000, "2022"),
    ("single-line-key-value-fragment",
     'Feed entry:\n"organization": "Acme", "records_affected": "500", "breach_date": "1/2020"\n',
     "key_value", "Acme", 500, "2020-01"),
]


@pytest.mark.parametrize(
    "text, fmt, org, count, date", [c[1:] for c in WILD], ids=[c[0] for c in WILD]
)
def test_wild_shapes(finder, text, fmt, org, count, date):
    recs = find(finder, text)
    assert len(recs) == 1, (text, recs)
    f = recs[0]["fields"]
    assert recs[0]["format"] == fmt, text
    assert (f["organization"], f["records_affected"], f["date"]) == (org, count, date), (text, f)


def test_markdown_table_header_row_is_not_a_field(finder):
    r = find(finder, WILD[0][1])[0]
    assert "Field" not in r["raw"] and r["raw"]["Victim"] == "Acme Health"
    assert WILD[0][1][r["start"]:].startswith("| Field | Value |")


def test_header_line_joins_the_range_across_a_blank_line(finder):
    text = "Prose.\n\nBreach record\n\n" + B18_JSON + "\n"
    r = find(finder, text)[0]
    assert text[r["start"]:].startswith("Breach record")


def test_code_fence_lines_join_the_range(finder):
    text = WILD[4][1]
    r = find(finder, text)[0]
    assert text[r["start"]:r["end"]].startswith("```json") and text[: r["end"]].endswith("```")


# --- NOT_RECORDS -----------------------------------------------------------------------

NOT_RECORDS = [
    ("source-url-line", "Source: https://www.barrons.com/news/hackers-steal-medical-details\n"),
    ("rating-report-url", "France Travail cybersecurity rating report: https://ratings.example.com/company/x\n"),
    ("advice-heading", "What jobseekers should do\nFrance Travail is contacting everyone concerned individually.\n"),
    ("related-line", "Related: Retail under attack - how social engineering beat the help desk\n"),
    ("sentences-with-colons",
     "The stolen data included: names and addresses.\nThe company said: we are sorry.\n"
     "Update: the investigation continues.\n"),
    ("boilerplate",
     "Great! Next, complete checkout for full access to Rankiteo Blog.\nWelcome back! You've successfully signed in.\n"
     "Your billing was not updated.\n"),
    ("brackets-in-prose", "The company [Equifax] said {sic} that it's fine; see [1] and [2].\n"),
    ("json-list-of-strings", 'Tags: ["breach", "health"]\n'),
    ("bracketed-quote-colon", 'He said [the "data": everything] and left.\n'),
    ("two-key-lines-only", "Company: Acme\nRecords: 5\n\nThen prose."),
    ("colon-lines-without-known-keys", "Q: Who?\nA: Them.\nQ: When?\nA: Now.\n"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_RECORDS], ids=[c[0] for c in NOT_RECORDS])
def test_not_records(finder, text):
    assert find(finder, text) == [], text


def test_several_records_each_their_own(finder):
    text = B08_LINES + "\n" + B18_JSON + "\n\n" + B13_KEY_VALUE
    assert [r["format"] for r in find(finder, text)] == ["lines", "json", "key_value"]


# --- mapping helpers ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "name, key",
    [("recordsAffected", "records_affected"), ("Individuals Affected", "individuals_affected"),
     ("PwnCount", "pwn_count"), ("Breach Submission Date", "breach_submission_date"),
     ("number_of_records_exposed", "number_of_records_exposed"), ("Company name", "company_name")],
)
def test_normalize_key(name, key):
    assert normalize_key(name) == key


def test_pattern_files_carry_a_source(finder):
    for name in Records.data_files:
        assert finder.data[name].get("source"), name


# --- DEV data figures (skip without ../shared) -----------------------------------------

def _detect_and_map(finder, path):
    tp = fp = fn = 0
    good = total = 0
    from breach_nlp.orgnames import same_org

    for line in path.read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        gold = page["gold"].get("embedded")
        recs = finder.find(page["text"])
        if gold is None:
            fp += bool(recs)
            continue
        if not recs:
            fn += 1
            continue
        tp += 1
        merged: dict = {}
        for r in recs:
            for k, v in r["fields"].items():
                if merged.get(k) in (None, []) and v not in (None, []):
                    merged[k] = v
        total += 2
        good += merged.get("records_affected") == gold.get("records_affected")
        org = merged.get("organization")
        good += bool(org) and same_org(org, gold["organization"])
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f1, good / max(total, 1)


def test_dev_pages_detection_and_mapping(finder):
    f1, mapped = _detect_and_map(finder, shared_path("dev-pages", "pages.jsonl"))
    assert f1 >= 0.95 and mapped >= 0.95, (f1, mapped)


def test_hhs_embed_detection_and_mapping(finder):
    f1, mapped = _detect_and_map(finder, shared_path("real-dev", "hhs-embed.jsonl"))
    assert f1 >= 0.99 and mapped >= 0.99, (f1, mapped)


def test_line_regexes_equal_multiline_finditer():
    """_Lines (a literal line break before the body) finds what ``^`` + MULTILINE finds, for
    any start and end position."""
    import random
    import re

    from breach_nlp.components.records import _FRAGMENT_LINE, _KV_LINE

    rng = random.Random(4)
    frags = ['"a": 1', "'b': 'x'", ",", " ", "\n", "\n\n", "\t", "|", "Name: Foo", "Records affected: 5", "---",
             ":", "- ", "**", "Key | value", "x", "{", "}", "\r\n", '"k": [1, 2]', "null"]
    for _ in range(3000):
        text = "".join(rng.choice(frags) for _ in range(rng.randint(0, 30)))
        n = len(text)
        for _ in range(3):
            a = rng.randint(0, n)
            b = rng.randint(a, n)
            if b <= a:
                continue
            for lines in (_FRAGMENT_LINE, _KV_LINE):
                plain = re.compile("^(?:" + lines.first.pattern[len("\\A(?P<line>") : -1] + ")", re.MULTILINE)
                got = [((m.start("line"), m.end()), m.group("line")) for m in lines.finditer(text, a, b)]
                assert got == [(m.span(), m.group()) for m in plain.finditer(text, a, b)], (text, a, b)


def test_line_prefilter_keeps_every_first_line_match():
    """BUGS_CAUGHT-style guard for the speed path: _Lines tries the first line only when
    one of its ``need`` characters is within ``reach`` (texts without line breaks are one
    long first line); keys and blanks of every allowed length, the delimiter at the edge."""
    import re

    from breach_nlp.components.records import _FRAGMENT_LINE, _KV_LINE

    key = "K" + "ey word" * 8 + "x"  # 58 characters: near the longest key
    texts = [
        " " * 20 + "- **" + key + "**    :** value here",
        " " * 20 + "|" + " " * 20 + key + " " * 20 + "| value |",
        " " * 20 + "|" + " " * 20 + key + " " * 20 + "\tvalue",
        " " * 20 + "|" + " " * 20 + ":" + "-" * 40 + ":" + " " * 20 + "| --- |",
        " " * 40 + '"key": 1, "b": 2',
        "\t" * 40 + "'key': 'v',",
        "Records affected: 5",
        "Breach summary and more prose without any delimiter at all " * 3 + ": x",
        " " * 41 + '"key": 1',
    ]
    for text in texts:
        for end in (len(text), len(text) - 3, 50):
            for lines in (_FRAGMENT_LINE, _KV_LINE):
                plain = re.compile("^(?:" + lines.first.pattern[len("\\A(?P<line>") : -1] + ")", re.MULTILINE)
                got = [(m.start("line"), m.end()) for m in lines.finditer(text, 0, end)]
                assert got == [m.span() for m in plain.finditer(text, 0, end)], (text, end)
    assert _KV_LINE.reach > len(texts[1]) - len("| value |") - 1  # the table row's "|" is in reach


def test_openers_equal_regex_search():
    """recordparse._Openers (str.find, remembered) gives what _OPENER.search gives, for
    non-decreasing positions, as bracket_spans asks."""
    import random

    from breach_nlp.recordparse import _OPENER, _Openers

    rng = random.Random(9)
    for _ in range(2000):
        text = "".join(rng.choice(["[", "{", "a", " ", "]", "}", "xyz"]) for _ in range(rng.randint(0, 40)))
        n = rng.randint(0, len(text))
        op = _Openers(text, n)
        pos = 0
        while pos <= n:
            m = _OPENER.search(text, pos, n)
            assert op.next(pos) == (m.start() if m else -1), (text, n, pos)
            pos += rng.randint(0, 4)
