"""Fast reads and writes of the Doc extensions (``doc._.breach_*``, see ``extensions.py``).

``doc._.name`` goes through spaCy's ``Underscore`` object: a new object per ``doc._`` and a
Python ``__getattr__`` per read, about a microsecond each, which is more than many checks cost
(a report reads a dozen values per document). spaCy stores the value of an extension that
has only a default (no getter, setter or method) in ``doc.user_data`` under the key
``("._.", name, None, None)``; these helpers read and write that key directly and leave
anything else (a getter or setter, a mutable default, an unknown name) to ``doc._``, so they
give exactly what ``doc._`` gives (and raise what it raises).
"""

from __future__ import annotations

from typing import Any, Iterable

from spacy.tokens import Doc
from spacy.tokens.underscore import Underscore

_MUTABLE = Underscore.mutable_types


def get_values(doc: Doc, names: Iterable[str]) -> list[Any]:
    """``[getattr(doc._, name) for name in names]``, read from ``doc.user_data`` where that
    is the same.

    >>> from breach_nlp import extensions  # noqa: F401 (registers the extensions)
    >>> import spacy
    >>> doc = spacy.blank("en").make_doc("x")
    >>> doc._.breach_error = "bad"
    >>> get_values(doc, ["breach_error", "breach_money"])
    ['bad', None]
    """
    ud = doc.user_data
    exts = Underscore.doc_extensions
    out = []
    for name in names:
        spec = exts.get(name)  # (default, method, getter, setter)
        if spec is None or spec[1] is not None or spec[2] is not None or isinstance(spec[0], _MUTABLE):
            out.append(getattr(doc._, name))
        else:
            out.append(ud.get(("._.", name, None, None), spec[0]))
    return out


def set_value(doc: Doc, name: str, value: Any) -> None:
    """``doc._.<name> = value``, written to ``doc.user_data`` where that is the same.

    >>> from breach_nlp import extensions  # noqa: F401
    >>> import spacy
    >>> doc = spacy.blank("en").make_doc("x")
    >>> set_value(doc, "breach_money", [])
    >>> doc._.breach_money
    []
    """
    spec = Underscore.doc_extensions.get(name)
    if spec is None or spec[3] is not None:
        setattr(doc._, name, value)
    else:
        doc.user_data[("._.", name, None, None)] = value
