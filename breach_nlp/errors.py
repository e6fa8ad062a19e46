"""Typed errors of breach_nlp. Everything the library raises on purpose derives from
:class:`BreachNLPError`; bad argument types are also ``TypeError`` and bad values also
``ValueError``, so ordinary ``except`` clauses keep working."""

from __future__ import annotations


class BreachNLPError(Exception):
    """Base class of every error breach_nlp raises on purpose."""


class InputTypeError(BreachNLPError, TypeError):
    """``extract`` was given something that is not ``str`` (``None``, bytes, a number...)."""


class PublishedDateError(BreachNLPError, ValueError):
    """The ``published`` argument is not a date, datetime or ISO date string."""


class TextTooLongError(BreachNLPError, ValueError):
    """The text is longer than ``breach_nlp.settings.MAX_TEXT_CHARS``."""


class ModelNotFoundError(BreachNLPError, OSError):
    """The serialized pipeline under ``models/`` is missing (build it with ``breach-nlp build``)."""


class GoldFormatError(BreachNLPError, ValueError):
    """A gold file is malformed; the message names the file and the line."""
