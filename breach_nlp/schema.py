"""Result types of ``breach_nlp`` (pydantic v2), exactly as in CONTRACT.md.

Every model forbids unknown fields, so a typo in a component is an error, not a silently
dropped value. Every mention carries ``text``, ``start``, ``end`` with
``input[start:end] == text``. ``report.model_dump(mode="json")`` is JSON-safe.

The field names and vocabularies below are the public contract; fields marked
"extension" are additions users asked for and may be relied on too.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

OrgRole = Literal["victim", "attacker", "vendor", "regulator", "researcher", "source", "other"]
Qualifier = Literal["exact", "over", "under", "about", "up_to"]
Category = Literal[
    "personal",
    "medical",
    "payment",
    "bank",
    "credentials",
    "internal",
    "secrets",
    "system",
    "source_code",
    "classified",
    "virtual_currency",
    "other",
]
DateRole = Literal["incident", "discovery", "disclosure", "publication", "other"]
MoneyKind = Literal["fine", "ransom", "settlement", "cost", "other"]
RecordFormat = Literal["json", "json_ld", "python_dict", "key_value", "lines"]
CheckStatus = Literal["agree", "conflict", "text_only", "record_only", "absent"]
Precision = Literal["day", "month", "year"]

ORG_ROLES: tuple[str, ...] = OrgRole.__args__  # type: ignore[attr-defined]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
DATE_ROLES: tuple[str, ...] = DateRole.__args__  # type: ignore[attr-defined]
MONEY_KINDS: tuple[str, ...] = MoneyKind.__args__  # type: ignore[attr-defined]
RECORD_FORMATS: tuple[str, ...] = RecordFormat.__args__  # type: ignore[attr-defined]
CHECK_STATUSES: tuple[str, ...] = CheckStatus.__args__  # type: ignore[attr-defined]
RECONCILED_FIELDS: tuple[str, ...] = ("victim", "records_affected", "data_categories", "date")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mention(_Model):
    """A span of the input: ``input[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Organization(Mention):
    name: str = Field(description="Best display name of the organization.")
    role: OrgRole
    aliases: list[str] = Field(
        default_factory=list, description="Extension: other names of it found in the text."
    )


class RecordCount(Mention):
    value: int | None = Field(
        default=None, ge=0, description="The count; None for vague counts such as 'tens of millions'."
    )
    unit: str | None = Field(default=None, description="The counted noun, e.g. individuals, records.")
    qualifier: Qualifier = "exact"
    main: bool = Field(default=True, description="Belongs to the main incident of the text.")


class DataType(Mention):
    type: str = Field(description="Fine type code from the taxonomy, e.g. ssn, email.")
    category: Category
    negated: bool = False
    hedged: bool = False


class DateMention(Mention):
    value: str | None = Field(default=None, description="ISO date at the stated precision, or None.")
    end_value: str | None = None
    role: DateRole = "other"
    precision: Precision | None = Field(default=None, description="Extension: precision of value.")


class MoneyAmount(Mention):
    amount: int | float
    currency: str | None = Field(default=None, description="ISO 4217 code (BTC for bitcoin).")
    kind: MoneyKind = "other"


class EmbeddedRecord(_Model):
    format: RecordFormat
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    raw: Any = Field(description="The parsed record, JSON-safe.")
    fields: dict[str, Any] = Field(default_factory=dict)
    errors: list[str] = Field(
        default_factory=list, description="Extension: why parts of the record were skipped."
    )


class FieldCheck(_Model):
    status: CheckStatus
    text: Any = None
    record: Any = None
    value: Any = None
    note: str = ""


class BreachReport(_Model):
    victims: list[Organization] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    records_affected: RecordCount | None = None
    record_counts: list[RecordCount] = Field(default_factory=list)
    data_types: list[DataType] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    money: list[MoneyAmount] = Field(default_factory=list)
    embedded_records: list[EmbeddedRecord] = Field(default_factory=list)
    reconciliation: dict[str, FieldCheck] = Field(default_factory=dict)
    published: str | None = Field(
        default=None, description="Extension: the publication date used to resolve relative dates."
    )
    warnings: list[str] = Field(
        default_factory=list, description="Extension: what could not be processed, in words."
    )
    error: str | None = Field(
        default=None,
        description="Extension: set by extract_many when this input could not be processed at all "
        "(e.g. not a str); the report is then empty.",
    )

    @property
    def data_categories(self) -> list[str]:
        """Categories said to be exposed (negated ones left out), in first-seen order."""
        seen: dict[str, None] = {}
        for d in self.data_types:
            if not d.negated:
                seen.setdefault(d.category, None)
        return list(seen)

    @property
    def negated_categories(self) -> list[str]:
        """Categories the text says were NOT exposed and that nothing else exposes
        ("passport details were not held" while names were taken leaves personal exposed)."""
        exposed = set(self.data_categories)
        seen: dict[str, None] = {}
        for d in self.data_types:
            if d.negated and d.category not in exposed:
                seen.setdefault(d.category, None)
        return list(seen)
