"""Actors: who a name refers to, across spellings, articles and a corpus.

This module decides when two mentions are the same person or organisation
and which name and affiliation the corpus uses for them. It is pure Python
and knows no particular people: every rule works on the shape of names
(accents, transliteration endings, vowel spellings, hyphens, particles).

The rules, in order:

* :func:`name_tokens` folds a name for comparison: accents stripped,
  case folded, hyphens split, transliteration endings folded
  (``-iy``/``-yy``/``-ij``/``-ii``/``-yi`` -> ``-y``), ``y``/``i`` merged.
* :func:`tokens_match` compares two folded tokens: equal, or the same
  consonant skeleton (``z`` after the first letter read as ``s``, ``c`` as ``k``)
  with the same first letter and the same final sound class
  (``Mohammed``/``Muhammad``, ``Yusuf``/``Youssef``, ``Mihnescu``/``Mihnesku``), but never a
  token against a longer one that only adds an ending (``Petrov`` and
  ``Petrova`` stay apart).
* :func:`same_person` compares whole names: the surnames must match and
  the given names must match too when both names have them.
* :func:`canonicalize` merges the speakers of a whole corpus: one cluster
  per person, named by the spelling most articles use, its affiliation
  taken from the articles that state it (or from an alias table).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "Actor",
    "AliasTable",
    "canonicalize",
    "load_alias_table",
    "name_tokens",
    "same_person",
    "tokens_match",
]

# Lower-case particles that belong inside personal names (al-Hakimi, van der Berg).
NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "as",
        "ash",
        "at",
        "az",
        "bin",
        "ibn",
        "bint",
        "abu",
        "abd",
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "dos",
        "das",
        "do",
        "la",
        "le",
        "ter",
        "ten",
        "zu",
        "y",
        "e",
    ]
)
_VOWELS = set("aeiouy")
_TRANSLIT_END = re.compile(r"(iy|yy|ij|ii|yi|ij)$")


def strip_accents(text: str) -> str:
    """Remove combining accents: ``Ordóñez`` -> ``Ordonez``.

    Example:
        >>> strip_accents("Ordóñez Müller")
        'Ordonez Muller'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """Fold one name token for comparison (accents, case, translit endings).

    Example:
        >>> [fold_token(t) for t in ["Zelenskiy", "Zelenskyy", "Zelensky", "Dmitriy"]]
        ['zelenski', 'zelenski', 'zelenski', 'dmitri']
    """
    t = strip_accents(token).casefold()
    t = re.sub(r"[^a-z0-9]", "", t).replace("x", "ks")
    t = _TRANSLIT_END.sub("y", t)
    t = t.replace("ue", "u") if "ue" in t and len(t) > 4 else t  # Mueller ~ Muller
    return t.replace("y", "i")


def name_tokens(name: str | None) -> list[str]:
    """Split and fold a name into comparison tokens.

    Possessive endings and a leading "the" are dropped; hyphenated parts
    become separate tokens.

    Example:
        >>> name_tokens("Tomás Okonkwo-Reyes")
        ['tomas', 'okonkwo', 'reies']
        >>> name_tokens("the Kremlin's")
        ['kremlin']
    """
    if not name:
        return []
    return list(_name_tokens(name))


@functools.lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    s = _POSSESSIVE.sub("", name)
    toks = (fold_token(p) for p in _NAME_SPLIT.split(s))
    return tuple(t for t in toks if t and t != "the")


_POSSESSIVE = re.compile(r"['’]s\b")
_NAME_SPLIT = re.compile(r"[\s\-‐‑–]+")


@functools.lru_cache(maxsize=65536)
def _skeleton(token: str) -> str:
    out = []
    for i, ch in enumerate(token):
        if ch in _VOWELS or ch in "hw":
            continue
        if ch == "z" and i:  # Baltazar ~ Baltasar, Tereza ~ Teresa (not at the start)
            ch = "s"
        elif ch == "c":  # Mihnescu ~ Mihnesku, Nicolas ~ Nikolas
            ch = "k"
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)


@functools.lru_cache(maxsize=262144)
def sound_key(token: str) -> str:
    """The consonant skeleton two spellings of one name token share.

    Example:
        >>> sound_key(fold_token("Zelenskyy")) == sound_key(fold_token("Zelensky"))
        True
    """
    return _skeleton(token)


@functools.lru_cache(maxsize=262144)
def tokens_match(a: str, b: str) -> bool:
    """Whether two folded name tokens are spellings of one name.

    Example:
        >>> tokens_match(fold_token("Mohammed"), fold_token("Muhammad"))
        True
        >>> tokens_match(fold_token("Yusuf"), fold_token("Youssef"))
        True
        >>> tokens_match(fold_token("Baltasar"), fold_token("Baltazar"))
        True
        >>> tokens_match(fold_token("Mihnescu"), fold_token("Mihnesku"))
        True
        >>> tokens_match(fold_token("Petrov"), fold_token("Petrova"))
        False
    """
    if a == b:
        return True
    if not a or not b or a[0] != b[0]:
        # allow vowel-initial variants that differ only in the first vowel (Ou/U)
        if not (a and b and a[0] in _VOWELS and b[0] in _VOWELS):
            return False
    if min(len(a), len(b)) < 4:
        return False
    if (a[-1] in _VOWELS) != (b[-1] in _VOWELS):
        return False
    if _skeleton(a) != _skeleton(b):
        return False
    # vowels may differ, but not by much
    return abs(len(a) - len(b)) <= 2


def _split_given_surname(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    if len(tokens) <= 1:
        return [], list(tokens)
    return list(tokens[:1]), list(tokens[1:])


def _seq_match(a: Sequence[str], b: Sequence[str]) -> bool:
    return len(a) == len(b) and all(tokens_match(x, y) for x, y in zip(a, b, strict=True))


def surname_matches(mention: Sequence[str], full: Sequence[str]) -> bool:
    """Whether ``mention`` (folded tokens) is a trailing part of ``full``.

    Example:
        >>> surname_matches(name_tokens("al-Hakimy"), name_tokens("Yusuf al-Hakimi"))
        True
        >>> surname_matches(name_tokens("Reyes"), name_tokens("Tomas Okonkwo-Reyes"))
        True
    """
    if not mention or len(mention) > len(full):
        return False
    return _seq_match(mention, full[len(full) - len(mention) :])


def _same_person_tokens(ta: Sequence[str], tb: Sequence[str]) -> bool:
    if not ta or not tb:
        return False
    if _seq_match(ta, tb):
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if surname_matches(short, long_):
        return True  # a surname (possibly compound) of the fuller name
    if len(ta) >= 2 and len(tb) >= 2:  # middle names: compare first and last
        return tokens_match(ta[0], tb[0]) and tokens_match(ta[-1], tb[-1])
    return False


def same_person(a: str, b: str) -> bool:
    """Whether two personal names (full or surname-only) name one person.

    Surnames must match; given names must match too when both have one;
    a hyphenated and a spaced double surname are the same.

    Example:
        >>> same_person("Arkadiy Volkhonskiy", "Arkady Volkhonsky")
        True
        >>> same_person("Tomas Okonkwo Reyes", "Tomás Okonkwo-Reyes")
        True
        >>> same_person("Anna Petrova", "Igor Petrov")
        False
        >>> same_person("Anna Haddad", "Omar Haddad")
        False
    """
    return _same_person_tokens(name_tokens(a), name_tokens(b))


@dataclass
class Actor:
    """A canonical speaker of a corpus.

    Attributes:
        name: Canonical name (the spelling most articles use).
        affiliation: The side the actor speaks for, or None when no article says.
        kind: ``"person"`` or ``"organisation"``.
        variants: Every spelling seen, with its number of quotes.
        n_quotes: Quotes attributed to the actor.
        articles: Ids of the articles quoting the actor.

    Example:
        >>> from stancelab.quotes import actors_of, extract_corpus
        >>> arts = [{"id": "a", "text": "“No,” said Foreign Minister Tomas Oberg of Kestria."},
        ...         {"id": "b", "text": "“Yes,” Oberg said."}]
        >>> a = actors_of(extract_corpus(arts))[0]
        >>> (a.name, a.affiliation, a.n_quotes, a.articles)
        ('Tomas Oberg', 'Kestria', 2, ['a', 'b'])
    """

    name: str
    affiliation: str | None = None
    kind: str = "person"
    variants: dict[str, int] = field(default_factory=dict)
    n_quotes: int = 0
    articles: list[str] = field(default_factory=list)


@dataclass
class AliasEntry:
    """One alias-table row: canonical name, other names, affiliation."""

    name: str
    aliases: list[str] = field(default_factory=list)
    affiliation: str | None = None


class AliasTable:
    """User-supplied canonical names that override the automatic merging.

    Example:
        >>> table = AliasTable([AliasEntry("Olena Kravets", ["O. Kravets", "Kravetz"], "Norland")])
        >>> table.lookup("Kravetz").name
        'Olena Kravets'
        >>> table.lookup("Someone Else") is None
        True
    """

    def __init__(self, entries: Iterable[AliasEntry] = ()):
        self.entries = list(entries)
        self._exact: dict[str, AliasEntry] = {}
        for e in self.entries:
            for n in [e.name, *e.aliases]:
                self._exact[" ".join(name_tokens(n))] = e

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, name: str | None) -> AliasEntry | None:
        """Return the entry whose name or alias is ``name`` (folded), if any."""
        if not name:
            return None
        key = " ".join(name_tokens(name))
        if key in self._exact:
            return self._exact[key]
        for e in self.entries:
            for n in [e.name, *e.aliases]:
                if len(name_tokens(n)) >= 2 and same_person(n, name):
                    return e
        return None


def load_alias_table(path: str | Path) -> AliasTable:
    """Read an alias table from YAML.

    The file is a list of mappings with ``name`` (required), ``aliases``
    (list, optional) and ``affiliation`` (optional)::

        - name: Olena Kravets
          aliases: [O. Kravets, Kravetz]
          affiliation: Norland

    Raises:
        ValueError: naming the file and the entry that is malformed.

    Example:
        >>> import tempfile, os
        >>> d = tempfile.mkdtemp()
        >>> p = os.path.join(d, "aliases.yaml")
        >>> _ = open(p, "w").write("- name: Olena Kravets\\n  aliases: [Kravetz]\\n  affiliation: Norland\\n")
        >>> load_alias_table(p).lookup("Kravetz").affiliation
        'Norland'
    """
    import yaml

    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{p}: alias table not found; check the path") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{p}: not valid YAML ({exc})") from None
    if data is None:
        return AliasTable()
    if not isinstance(data, list):
        raise ValueError(f"{p}: expected a list of entries with 'name', 'aliases', 'affiliation'")
    entries = []
    allowed = {"name", "aliases", "affiliation"}
    for i, row in enumerate(data, 1):
        if not isinstance(row, dict) or not isinstance(row.get("name"), str):
            raise ValueError(f"{p}: entry {i}: needs a 'name' string")
        extra = set(row) - allowed
        if extra:
            raise ValueError(
                f"{p}: entry {i}: unknown field(s) {sorted(extra)}; allowed: {sorted(allowed)}"
            )
        aliases = row.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ValueError(f"{p}: entry {i}: 'aliases' must be a list of strings")
        aff = row.get("affiliation")
        if aff is not None and not isinstance(aff, str):
            raise ValueError(f"{p}: entry {i}: 'affiliation' must be a string")
        entries.append(AliasEntry(row["name"], list(aliases), aff))
    return AliasTable(entries)


# --------------------------------------------------------------------------
# corpus-wide canonicalisation


@dataclass
class _Cluster:
    kind: str
    names: Counter = field(default_factory=Counter)  # spelling -> number of articles
    quotes: int = 0
    affiliations: Counter = field(default_factory=Counter)  # stated in an article
    weak_affiliations: Counter = field(default_factory=Counter)  # from the article's context
    articles: set = field(default_factory=set)
    full: list[list[str]] = field(default_factory=list)  # folded multi-token names
    pinned: AliasEntry | None = None

    def matches_person(self, tokens: list[str]) -> bool:
        return any(_same_person_tokens(tokens, f) for f in self.full)


def _is_org(quote: Any) -> bool:
    return getattr(quote, "speaker_kind", None) == "organisation"


def canonicalize(quotes: list[Any], aliases: AliasTable | None = None) -> list[Actor]:
    """Give every person or organisation one name and affiliation corpus-wide.

    ``quotes`` are :class:`stancelab.quotes.Quote` objects whose ``speaker``
    holds the name as each article introduces it. They are updated in
    place (``speaker``, and ``affiliation`` where the article left it
    unknown but another article or the alias table states it) and the list
    of :class:`Actor` is returned, most quoted first.

    Example:
        >>> from stancelab.quotes import Quote
        >>> qs = [Quote("a1", 0, 1, "x", speaker="Arkady Volkhonsky", affiliation="Kessaria"),
        ...       Quote("a2", 0, 1, "y", speaker="Arkadiy Volkhonskiy"),
        ...       Quote("a3", 0, 1, "z", speaker="Arkady Volkhonsky")]
        >>> [a.name for a in canonicalize(qs)]
        ['Arkady Volkhonsky']
        >>> qs[1].speaker, qs[1].affiliation
        ('Arkady Volkhonsky', 'Kessaria')
    """
    clusters: list[_Cluster] = []
    by_surname: dict[str, list[_Cluster]] = defaultdict(list)
    by_pinned: dict[int, _Cluster] = {}
    # organisation clusters by folded name, in creation order: a lookup is a dict read,
    # not a scan of every cluster (which grew with quotes x clusters on large corpora)
    org_by_key: dict[str, list[_Cluster]] = defaultdict(list)
    created: dict[int, int] = {}
    assignment: list[_Cluster | None] = []

    def index_org(c: _Cluster, key: str) -> None:
        if c.kind == "organisation" and all(x is not c for x in org_by_key[key]):
            org_by_key[key].append(c)

    # Pass 1: full names (two tokens or more) and organisations make clusters;
    # pass 2 attaches single-token names (surnames only).
    order = sorted(range(len(quotes)), key=lambda i: len(name_tokens(quotes[i].speaker)) < 2)
    assignment = [None] * len(quotes)
    seen_article_name: set[tuple[int, str, str]] = set()
    for i in order:
        q = quotes[i]
        if not q.speaker:
            continue
        toks = name_tokens(q.speaker)
        if not toks:
            continue
        pinned = aliases.lookup(q.speaker) if aliases else None
        target: _Cluster | None = None
        if pinned is not None:
            target = by_pinned.get(id(pinned))
            if target is None:
                target = _Cluster(kind="organisation" if _is_org(q) else "person", pinned=pinned)
                target.full.append(name_tokens(pinned.name))
                created[id(target)] = len(clusters)
                clusters.append(target)
                by_pinned[id(pinned)] = target
                index_org(target, " ".join(name_tokens(pinned.name)))
        elif _is_org(q):
            key = " ".join(toks)
            found = org_by_key.get(key)
            target = min(found, key=lambda c: created[id(c)]) if found else None
            if target is None:
                target = _Cluster(kind="organisation")
                created[id(target)] = len(clusters)
                clusters.append(target)
        else:
            cands = [c for c in by_surname.get(_surname_key(toks), []) if c.kind == "person"]
            if len(toks) >= 2:
                target = next((c for c in cands if c.matches_person(toks)), None)
            else:
                matching = [
                    c
                    for c in cands
                    if any(surname_matches(toks, f) for f in c.full)
                    or any(name_tokens(n) == toks for n in c.names)  # the same lone name
                ]
                if q.affiliation:
                    same_side = [
                        c for c in matching if q.affiliation in c.affiliations or not c.affiliations
                    ]
                    matching = same_side or matching
                if len(matching) == 1:
                    target = matching[0]
                elif len(matching) > 1:  # ambiguous surname: the most quoted in the same article
                    same_art = [c for c in matching if q.article_id in c.articles]
                    target = (
                        same_art[0] if len(same_art) == 1 else max(matching, key=lambda c: c.quotes)
                    )
            if target is None:
                target = _Cluster(kind="person")
                created[id(target)] = len(clusters)
                clusters.append(target)
                by_surname[_surname_key(toks)].append(target)
        if len(toks) >= 2 and not any(_seq_match(toks, f) for f in target.full):
            target.full.append(toks)
        key = (id(target), q.article_id, q.speaker)  # each cluster counts its own names
        if key not in seen_article_name:
            seen_article_name.add(key)
            target.names[q.speaker] += 1
        index_org(target, " ".join(toks))  # the folded name (names and full forms alike)
        target.quotes += 1
        target.articles.add(q.article_id)
        if q.affiliation:
            weak = getattr(q, "affiliation_source", None) == "context"
            (target.weak_affiliations if weak else target.affiliations)[q.affiliation] += 1
        assignment[i] = target

    actors: dict[int, Actor] = {}
    for c in clusters:
        actors[id(c)] = _actor_of(c)
    for q, c in zip(quotes, assignment, strict=True):
        if c is None:
            continue
        actor = actors[id(c)]
        actor.variants[q.speaker] = actor.variants.get(q.speaker, 0) + 1
        q.speaker = actor.name
        if c.pinned is not None and c.pinned.affiliation:
            q.affiliation = c.pinned.affiliation
            if hasattr(q, "affiliation_source"):
                q.affiliation_source = "alias"
        elif actor.affiliation and (
            not q.affiliation or getattr(q, "affiliation_source", None) == "context"
        ):
            if q.affiliation != actor.affiliation:
                q.affiliation = actor.affiliation
                if hasattr(q, "affiliation_source"):
                    q.affiliation_source = "corpus"
    out = [a for a in actors.values() if a.n_quotes]
    out.sort(key=lambda a: (-a.n_quotes, a.name))
    return out


def _surname_key(tokens: list[str]) -> str:
    return _skeleton(tokens[-1])[:4] if tokens else ""


def _actor_of(c: _Cluster) -> Actor:
    if c.pinned is not None:
        name = c.pinned.name
        aff = c.pinned.affiliation or (
            c.affiliations.most_common(1)[0][0] if c.affiliations else None
        )
    else:
        # the spelling most articles use; ties: the longer (fuller) name, then first seen
        multi = {n: k for n, k in c.names.items() if len(name_tokens(n)) >= 2} or dict(c.names)
        ranked = sorted(multi.items(), key=lambda kv: (-kv[1], -len(kv[0])))
        name = ranked[0][0] if ranked else ""
        votes = c.affiliations or c.weak_affiliations
        aff = votes.most_common(1)[0][0] if votes else None
    return Actor(
        name=name,
        affiliation=aff,
        kind=c.kind,
        n_quotes=c.quotes,
        articles=sorted(c.articles),
    )
