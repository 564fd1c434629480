"""The archive search on Elasticsearch, built with the client's DSL.

Each language has its own index, because every text field is analysed by that
language's analyzer (`cms.search.analysis.elasticsearch_analysis()`). Searches go
through the alias `<prefix>-<index_name>-<locale>`, which points at a concrete
index `<alias>-<token>`; a rebuild fills a new concrete index and then moves the
alias to it in one step, so searches never see a half-built index.
"""

import html
import logging
import re
import secrets
import threading
from dataclasses import asdict
from datetime import datetime

from django.utils import timezone
from django.utils.html import escape

from elastic_transport import ApiError, TransportError
from elasticsearch import Elasticsearch
from elasticsearch.dsl import (
    Date,
    Float,
    Index,
    Integer,
    Keyword,
    Mapping,
    Nested,
    Q,
    Search,
    SearchAsYouType,
    Text,
)
from elasticsearch.dsl.exceptions import ElasticsearchDslException
from elasticsearch.helpers import BulkIndexError, bulk
from rapidfuzz.distance import Levenshtein

from .. import analysis
from ..documents import (
    FACETS,
    Cue,
    CueHit,
    FacetCount,
    Hit,
    SearchDocument,
    SearchResults,
    Suggestion,
)
from .base import SearchBackend, SearchError

logger = logging.getLogger("cms.search")

# Relevance: title ≫ people, tags, institution > summary, body > subtitles.
FIELD_BOOSTS = {
    "title": 5,
    "people": 3,
    "tags": 3,
    "institution": 3,
    "summary": 1,
    "body": 1,
}
CUE_BOOST = 0.5
EXCERPT_FIELDS = ("summary", "body", "people")
EXCERPT_LENGTH = 240
MAX_CUE_HITS = 3
# Subtitle lines fetched per hit before choosing the best three.
CUE_CANDIDATES = 20
FACET_SIZE = 200
# Words of an autocomplete prefix that are matched.
MAX_PREFIX_WORDS = 8
MAX_SUGGESTIONS = 50
MAX_FILTER_VALUES = 50
# Words shorter than this are never corrected.
MIN_CORRECTED_LENGTH = 3
# Enough for the minimum found before "did you mean" is offered.
FEW_HITS = 3
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}

# Elasticsearch's default index.max_result_window: from + size may not exceed it.
MAX_RESULT_WINDOW = 10_000
MISSING_IS_EMPTY = {"ignore_unavailable": True, "allow_no_indices": True}

FAILURES = (ApiError, TransportError, BulkIndexError, ElasticsearchDslException)


def facet_field(name):
    return f"facet_{name}"


# One client (a pool of connections) per address, shared by the backends the
# service makes for each request; the client is thread-safe.
_clients = {}
_clients_lock = threading.Lock()


def shared_client(url, timeout):
    with _clients_lock:
        client = _clients.get((url, timeout))
        if client is None:
            client = Elasticsearch(
                url, request_timeout=timeout, max_retries=1, retry_on_timeout=False
            )
            _clients[(url, timeout)] = client
        return client


def available_at(now):
    """Items available at `now`: from then on, or with no start at all."""
    return Q(
        "bool",
        should=[
            Q("range", available_from={"lte": now.isoformat()}),
            Q("bool", must_not=[Q("exists", field="available_from")]),
        ],
        minimum_should_match=1,
    )


MARK_TAG = re.compile(r"(</?mark>)")
MARKED = re.compile(r"<mark>(.*?)</mark>")


def safe_highlight(fragment):
    """A highlight fragment escaped as Django escapes, only <mark> tags kept.

    Elasticsearch's html encoder escapes text too, but differently ("/" becomes
    "&#x2F;"); escaping once more the same way as the database backend makes both
    give the same HTML.
    """
    return "".join(
        part if part in ("<mark>", "</mark>") else escape(html.unescape(part))
        for part in MARK_TAG.split(fragment or "")
    )


def _isoformat(value):
    return value.isoformat() if value else None


def _datetime(value):
    return datetime.fromisoformat(value) if value else None


class ElasticsearchBackend(SearchBackend):
    """`SearchBackend` on an Elasticsearch 8 cluster at `url`.

    Index names begin with `prefix`, so several sites can share a cluster. The
    client is made on first use, with `timeout` seconds per request and one retry.
    """

    name = "elasticsearch"

    def __init__(
        self, index_name="archive", url="", prefix="kazan", timeout=5, **options
    ):
        super().__init__(index_name, **options)
        self.url = url
        self.prefix = prefix
        self.timeout = timeout
        self._client = None
        self._ready_aliases = set()

    # Connection and names

    @property
    def client(self):
        if self._client is None:
            if not self.url:
                raise SearchError("ELASTICSEARCH_URL is not set.")
            try:
                self._client = shared_client(self.url, self.timeout)
            except ValueError as error:
                raise SearchError(f"Invalid Elasticsearch URL: {error}") from error
        return self._client

    def alias(self, locale):
        """The name searches use for the index of `locale`."""
        return f"{self.prefix}-{self.index_name}-{locale}".lower()

    def concrete_index(self, locale, token):
        """The name of the index a rebuild under `token` fills."""
        safe = re.sub(r"[^a-z0-9_-]+", "-", str(token).lower()).strip("-_")
        if not safe:
            raise SearchError(f"Unusable rebuild token: {token!r}")
        return f"{self.alias(locale)}-{safe}"

    def _call(self, what, function, *args, **kwargs):
        """Run a request, turning every client failure into `SearchError`."""
        try:
            return function(*args, **kwargs)
        except SearchError:
            raise
        except FAILURES as error:
            raise SearchError(f"Elasticsearch failed to {what}: {error}") from error

    # Index definition

    def index_settings(self, locale):
        """Settings of a `locale` index: the shared analysis, one shard."""
        return {
            "number_of_shards": 1,
            # A replica where the cluster has a second node, none on a single node.
            "auto_expand_replicas": "0-1",
            "analysis": analysis.elasticsearch_analysis(),
        }

    def mapping(self, locale):
        """The fields of a `locale` index; every text uses `text_<locale>`."""
        analyzer = f"text_{locale}"
        mapping = Mapping()
        mapping.meta("dynamic", "strict")
        mapping.field("key", Keyword())
        mapping.field("locale", Keyword())
        mapping.field("url", Keyword(index=False, doc_values=False))
        mapping.field(
            "title",
            Text(
                analyzer=analyzer,
                copy_to="vocabulary",
                fields={
                    "folded": Text(analyzer="folded"),
                    "complete": SearchAsYouType(analyzer="folded"),
                },
            ),
        )
        for name in ("summary", "body"):
            mapping.field(name, Text(analyzer=analyzer))
        for name in ("people", "tags", "institution"):
            mapping.field(name, Text(analyzer=analyzer, copy_to="vocabulary"))
        # The words "did you mean" corrects to: titles, people, tags, institutions.
        mapping.field("vocabulary", Text(analyzer="folded"))
        mapping.field("date", Date())
        mapping.field("available_from", Date())
        mapping.field("rating", Float())
        for name in ("rating_count", "popularity", "duration"):
            mapping.field(name, Integer())
        mapping.field("image_url", Keyword(index=False, doc_values=False))
        for name in FACETS:
            mapping.field(facet_field(name), Keyword())
        mapping.field(
            "cues",
            Nested(
                properties={
                    "start": Float(),
                    "end": Float(),
                    "recording": Integer(),
                    "text": Text(analyzer=analyzer),
                }
            ),
        )
        return mapping

    def index_definition(self, name, locale):
        """A DSL `Index` named `name` with the settings and mapping of `locale`."""
        index = Index(name)
        index.settings(**self.index_settings(locale))
        index.mapping(self.mapping(locale))
        return index

    # Documents

    def source(self, document):
        """The `_source` stored for a `SearchDocument`."""
        data = asdict(document)
        facets = data.pop("facets") or {}
        data["date"] = _isoformat(document.date)
        data["available_from"] = _isoformat(document.available_from)
        for name in FACETS:
            data[facet_field(name)] = [str(value) for value in facets.get(name, [])]
        return data

    def document(self, source):
        """The `SearchDocument` a `_source` was made from."""
        data = dict(source)
        facets = {
            name: list(data.pop(facet_field(name), None) or []) for name in FACETS
        }
        return SearchDocument(
            key=data["key"],
            locale=data["locale"],
            url=data["url"],
            title=data["title"],
            summary=data.get("summary") or "",
            body=data.get("body") or "",
            people=list(data.get("people") or []),
            tags=list(data.get("tags") or []),
            institution=data.get("institution") or "",
            date=_datetime(data.get("date")),
            available_from=_datetime(data.get("available_from")),
            rating=data.get("rating"),
            rating_count=data.get("rating_count") or 0,
            popularity=data.get("popularity") or 0,
            duration=data.get("duration") or 0,
            image_url=data.get("image_url") or "",
            facets={name: values for name, values in facets.items() if values},
            cues=[Cue(**cue) for cue in data.get("cues") or []],
        )

    def _create_index(self, name, locale):
        self.index_definition(name, locale).create(using=self.client)

    def _ensure_alias(self, locale):
        """Create the index of `locale` and its alias on first write."""
        alias = self.alias(locale)
        if alias in self._ready_aliases:
            return
        if not self.client.indices.exists_alias(name=alias):
            name = self.concrete_index(locale, secrets.token_hex(6))
            self._create_index(name, locale)
            self.client.indices.put_alias(index=name, name=alias)
        self._ready_aliases.add(alias)

    def _generations(self, locale):
        """Every concrete index of `locale`: the live one and any being rebuilt."""
        found = self.client.indices.get(
            index=f"{self.alias(locale)}-*",
            allow_no_indices=True,
            ignore_unavailable=True,
            expand_wildcards="open",
        )
        return sorted(found.keys())

    def _live(self, locale):
        """The concrete indexes the alias of `locale` points at."""
        alias = self.alias(locale)
        if not self.client.indices.exists_alias(name=alias):
            return []
        return sorted(self.client.indices.get_alias(name=alias).keys())

    def index(self, documents, *, rebuild=None):
        by_locale = {}
        for document in documents:
            if document.locale not in analysis.LANGUAGES:
                logger.warning(
                    "Not indexing %s: no analysis for locale %r",
                    document.key,
                    document.locale,
                )
                continue
            by_locale.setdefault(document.locale, []).append(document)
        return self._call("index documents", self._index, by_locale, rebuild)

    def _index(self, by_locale, rebuild):
        written = 0
        for locale, documents in by_locale.items():
            if rebuild:
                targets = [self.concrete_index(locale, rebuild)]
                # Writing to a missing index would create one without the mapping.
                if not self.client.indices.exists(index=targets[0]):
                    raise SearchError(
                        f"No rebuild {rebuild!r} of {self.alias(locale)} in progress."
                    )
            else:
                # The live index and any rebuild in progress, so that a rebuild
                # which has already passed this document does not lose the change.
                self._ensure_alias(locale)
                targets = self._generations(locale)
            for target in targets:
                actions = [
                    {
                        "_op_type": "index",
                        "_index": target,
                        "_id": document.key,
                        "_source": self.source(document),
                    }
                    for document in documents
                ]
                success, _errors = bulk(self.client, actions, max_retries=1)
                if target == targets[0]:
                    written += success
        return written

    def remove(self, keys):
        keys = [str(key) for key in keys]
        if not keys:
            return 0
        return self._call("remove documents", self._remove, keys)

    def _remove(self, keys):
        removed = 0
        for locale in analysis.LANGUAGES:
            removed_here = 0
            for target in self._generations(locale):
                actions = [
                    {"_op_type": "delete", "_index": target, "_id": key} for key in keys
                ]
                success, errors = bulk(self.client, actions, raise_on_error=False)
                failed = [
                    error
                    for error in errors
                    if error.get("delete", {}).get("status") != 404
                ]
                if failed:
                    raise SearchError(f"Elasticsearch failed to remove: {failed[:3]}")
                # The same document may be in the live index and a rebuild.
                removed_here = max(removed_here, success)
            removed += removed_here
        return removed

    def begin_rebuild(self, token, *, resume=False):
        self._call("begin a rebuild", self._begin_rebuild, token, resume)

    def _begin_rebuild(self, token, resume):
        for locale in analysis.LANGUAGES:
            name = self.concrete_index(locale, token)
            exists = self.client.indices.exists(index=name)
            if exists and resume:
                continue
            if exists:
                self.client.indices.delete(index=name)
            self._create_index(name, locale)

    def finish_rebuild(self, token):
        """Point each alias at the rebuilt index and delete every other one."""
        self._call("finish a rebuild", self._finish_rebuild, token)

    def _finish_rebuild(self, token):
        for locale in analysis.LANGUAGES:
            alias = self.alias(locale)
            name = self.concrete_index(locale, token)
            if not self.client.indices.exists(index=name):
                raise SearchError(f"No rebuild {token!r} of {alias} to finish.")
            old = [index for index in self._live(locale) if index != name]
            actions = [{"remove": {"index": index, "alias": alias}} for index in old]
            actions.append({"add": {"index": name, "alias": alias}})
            self.client.indices.update_aliases(actions=actions)
            # The previous index, and any other rebuild left unfinished: writes
            # would otherwise keep going to it.
            stale = sorted(set(old) | set(self._generations(locale)) - {name})
            if stale:
                self.client.indices.delete(index=",".join(stale))
            self._ready_aliases.add(alias)

    def count(self, locale=None):
        """Documents searchable in `locale` (or in all); 0 before any was indexed."""
        locales = [locale] if locale else list(analysis.LANGUAGES)
        return self._call("count documents", self._count, locales)

    def _count(self, locales):
        total = 0
        for locale in locales:
            if locale not in analysis.LANGUAGES:
                continue
            response = self.client.count(
                index=self.alias(locale),
                ignore_unavailable=True,
                allow_no_indices=True,
            )
            total += response["count"]
        return total

    def clear(self):
        """Delete every index of this name (they are made again on next write)."""
        self._call("clear the index", self._clear)

    def _clear(self):
        for locale in analysis.LANGUAGES:
            names = self._generations(locale)
            if names:
                self.client.indices.delete(index=",".join(names))
        self._ready_aliases.clear()

    def refresh(self):
        """Make every write searchable now (ES otherwise does it each second)."""
        self._call(
            "refresh",
            self.client.indices.refresh,
            index=",".join(self.alias(locale) for locale in analysis.LANGUAGES),
            ignore_unavailable=True,
            allow_no_indices=True,
        )

    # Queries

    def query_words(self, text, locale):
        """One folded word of `text` per distinct query term (at most 32).

        Elasticsearch analyses each word again to the same term.
        """
        folded = analysis.fold(text or "")
        words = {}
        for token in analysis.tokens(text, locale):
            if token.term and token.term not in words and len(words) < 32:
                words[token.term] = folded[token.start : token.end]
        return words

    def text_query(self, text, locale):
        """Every term of `text` in some field or in one subtitle line (AND).

        One clause per term: the term may be in any field (`cross_fields`) or in a
        subtitle line (nested), and every clause must match, as the contract says.
        """
        fields = [f"{name}^{boost}" for name, boost in FIELD_BOOSTS.items()]
        clauses = [
            Q(
                "bool",
                should=[
                    Q(
                        "multi_match",
                        query=word,
                        fields=fields,
                        type="cross_fields",
                        operator="and",
                    ),
                    Q(
                        "nested",
                        path="cues",
                        score_mode="max",
                        boost=CUE_BOOST,
                        query=Q("match", cues__text={"query": word}),
                    ),
                ],
                minimum_should_match=1,
            )
            for word in self.query_words(text, locale).values()
        ]
        return clauses

    def cue_hits_query(self, text):
        """Subtitle lines holding any query term, returned with each hit; no score."""
        return Q(
            "nested",
            path="cues",
            score_mode="max",
            boost=0,
            query=Q("match", cues__text={"query": text, "operator": "or"}),
            inner_hits={
                "name": "cues",
                "size": CUE_CANDIDATES,
                "_source": True,
                "highlight": {
                    **HIGHLIGHT,
                    "fields": {"cues.text": {"number_of_fragments": 0}},
                },
            },
        )

    def facet_filter(self, name, values):
        values = [value[:200] for value in values[:MAX_FILTER_VALUES]]
        return Q("terms", **{facet_field(name): values})

    def sort(self, query, has_text):
        newest = {"date": {"order": "desc", "missing": "_last"}}
        tiebreak = {"key": {"order": "asc"}}
        if query.sort == "relevance" and has_text:
            return ["_score", newest, tiebreak]
        if query.sort == "rating":
            return [
                {"rating": {"order": "desc", "missing": "_last"}},
                {"rating_count": {"order": "desc"}},
                newest,
                tiebreak,
            ]
        if query.sort == "popularity":
            return [{"popularity": {"order": "desc"}}, newest, tiebreak]
        return [newest, tiebreak]

    def build_search(self, query):
        """The DSL `Search` answering a `SearchQuery`.

        A "did you mean" correction is checked afterwards by `_finds_anything`.
        """
        now = query.now or timezone.now()
        words = self.query_words(query.text, query.locale)
        search = Search(index=self.alias(query.locale)).extra(track_total_hits=True)
        search = search.filter(available_at(now))
        if words:
            search = search.query(
                Q(
                    "bool",
                    must=self.text_query(query.text, query.locale),
                    should=[self.cue_hits_query(" ".join(words.values()))],
                )
            )
        filters = {
            name: self.facet_filter(name, values)
            for name, values in query.filters.items()
        }
        # Facet filters narrow the hits but not the facet counts (multi-select):
        # each facet is counted under every other facet's filter.
        if filters:
            search = search.post_filter(Q("bool", filter=list(filters.values())))
        if query.with_facets:
            for name in FACETS:
                others = [clause for other, clause in filters.items() if other != name]
                search.aggs.bucket(
                    name, "filter", filter=Q("bool", filter=others)
                ).bucket("values", "terms", field=facet_field(name), size=FACET_SIZE)
        if words:
            search = search.highlight_options(**HIGHLIGHT)
            search = search.highlight("title", number_of_fragments=0)
            search = search.highlight(
                *EXCERPT_FIELDS, fragment_size=EXCERPT_LENGTH, number_of_fragments=1
            )
            search = search.suggest(
                "vocabulary",
                query.text,
                term={
                    "field": "vocabulary",
                    "suggest_mode": "missing",
                    "max_edits": 2,
                    # Corrections keep the first letter, as people rarely miss it.
                    "prefix_length": 1,
                    "min_word_length": MIN_CORRECTED_LENGTH,
                    "string_distance": "levenshtein",
                    "size": 5,
                },
            )
        search = search.sort(*self.sort(query, bool(words)))
        start = (query.page - 1) * query.per_page
        end = min(start + query.per_page, MAX_RESULT_WINDOW)
        if start >= end:
            # Past the deepest page Elasticsearch serves: no hits, but the
            # total and the facets still.
            return search[0:0]
        return search[start:end]

    def build_suggest(self, locale, prefix, *, limit=8, now=None):
        """The DSL `Search` for titles completing `prefix`, most popular first."""
        now = now or timezone.now()
        words = analysis.WORD.findall(analysis.fold(prefix))[:MAX_PREFIX_WORDS]
        search = Search(index=self.alias(locale)).source(["title", "url"])
        search = search.filter(available_at(now))
        # Each typed word completes some word of the title.
        for word in words:
            search = search.query(
                "multi_match",
                query=word,
                type="bool_prefix",
                fields=[
                    "title.complete",
                    "title.complete._2gram",
                    "title.complete._3gram",
                ],
            )
        search = search.sort(
            {"popularity": {"order": "desc"}},
            {"date": {"order": "desc", "missing": "_last"}},
            {"key": {"order": "asc"}},
        )
        return search[:limit]

    def search(self, query):
        if query.locale not in analysis.LANGUAGES or (
            query.text and not analysis.query_terms(query.text, query.locale)
        ):
            # No index for the language, or only function words: nothing to find.
            return SearchResults(
                query=query,
                hits=[],
                total=0,
                facets=self.facets_from_response(query, {}, empty=True)
                if query.with_facets
                else {},
                backend=self.name,
            )
        return self._call("search", self._search, query)

    def _search(self, query):
        search = self.build_search(query)
        response = self._execute(search).to_dict()
        results = self.results_from_response(query, response)
        if results.suggestion and not self._finds_anything(query, results.suggestion):
            results.suggestion = ""
        return results

    def _execute(self, search):
        # A language with no index yet (or after `clear`) has nothing to find.
        return search.using(self.client).params(**MISSING_IS_EMPTY).execute()

    def _finds_anything(self, query, text):
        if not analysis.query_terms(text, query.locale):
            return False
        search = Search(index=self.alias(query.locale))
        search = search.filter(available_at(query.now or timezone.now()))
        search = search.query(Q("bool", must=self.text_query(text, query.locale)))
        return search.using(self.client).params(**MISSING_IS_EMPTY).count() > 0

    def suggest(self, locale, prefix, *, limit=8, now=None):
        prefix = " ".join((prefix or "").split())[:200]
        words = analysis.WORD.findall(analysis.fold(prefix))
        if len(prefix) < 2 or not words or locale not in analysis.LANGUAGES:
            return []
        limit = min(max(int(limit), 1), MAX_SUGGESTIONS)
        search = self.build_suggest(locale, prefix, limit=limit, now=now)
        response = self._call("suggest", self._execute, search)
        return [
            Suggestion(title=hit["_source"]["title"], url=hit["_source"]["url"])
            for hit in response.to_dict()["hits"]["hits"]
        ]

    # Responses

    def results_from_response(self, query, response):
        """`SearchResults` from a search response body (a dict)."""
        terms = analysis.query_terms(query.text, query.locale)
        hits = [
            self.hit_from_response(query, terms, hit)
            for hit in response.get("hits", {}).get("hits", [])
        ]
        total = response.get("hits", {}).get("total", {})
        total = total.get("value", 0) if isinstance(total, dict) else int(total or 0)
        results = SearchResults(
            query=query,
            hits=hits,
            total=total,
            facets=self.facets_from_response(
                query, response.get("aggregations", {}), empty=query.with_facets
            ),
            backend=self.name,
        )
        if terms and total < FEW_HITS:
            results.suggestion = self.suggestion_from_response(
                query.text,
                response.get("suggest", {}).get("vocabulary", []),
                query.locale,
            )
        return results

    def hit_from_response(self, query, terms, hit):
        document = self.document(hit["_source"])
        highlight = hit.get("highlight", {})
        title_html = safe_highlight((highlight.get("title") or [""])[0])
        excerpts = [
            safe_highlight(fragments[0])
            for name in EXCERPT_FIELDS
            if (fragments := highlight.get(name))
        ]
        if excerpts:
            # The fragment holding most distinct query terms; the first on a tie.
            excerpt_html = max(
                excerpts, key=lambda fragment: self.marked_terms(fragment, query)
            )
        else:
            excerpt_html = analysis.highlight(
                document.summary or document.body,
                [],
                query.locale,
                length=EXCERPT_LENGTH,
                always=True,
            )
        return Hit(
            key=document.key,
            url=document.url,
            title=document.title,
            summary=document.summary,
            date=document.date,
            rating=document.rating,
            rating_count=document.rating_count,
            popularity=document.popularity,
            duration=document.duration,
            image_url=document.image_url,
            facets=document.facets,
            score=float(hit.get("_score") or 0.0),
            title_html=title_html or escape(document.title),
            excerpt_html=excerpt_html,
            cues=self.cue_hits(query, terms, hit.get("inner_hits", {}).get("cues")),
        )

    def marked_terms(self, fragment, query):
        """How many distinct terms are marked in a highlight fragment."""
        return len(
            {
                term
                for word in MARKED.findall(fragment)
                for term in analysis.analyze(html.unescape(word), query.locale)
            }
        )

    def cue_hits(self, query, terms, inner):
        """At most three subtitle lines: most query terms first, then earliest."""
        if not inner or not terms:
            return []
        wanted = set(terms)
        candidates = []
        for cue_hit in inner.get("hits", {}).get("hits", []):
            cue = cue_hit["_source"]
            found = {
                token.term
                for token in analysis.tokens(cue.get("text", ""), query.locale)
                if token.term in wanted
            }
            if found:
                candidates.append((-len(found), float(cue.get("start", 0)), cue_hit))
        candidates.sort(key=lambda candidate: candidate[:2])
        cues = []
        for _count, start, cue_hit in candidates[:MAX_CUE_HITS]:
            cue = cue_hit["_source"]
            marked = (cue_hit.get("highlight", {}).get("cues.text") or [""])[0]
            cues.append(
                CueHit(
                    start=start,
                    html=safe_highlight(marked)
                    or analysis.highlight(cue.get("text", ""), terms, query.locale),
                    recording=int(cue.get("recording") or 1),
                )
            )
        return cues

    def facets_from_response(self, query, aggregations, *, empty=False):
        """Counts per facet value, selected values included even at 0."""
        facets = {}
        for name in FACETS:
            if name not in aggregations and not empty:
                continue
            selected = set(query.filters.get(name, []))
            buckets = aggregations.get(name, {}).get("values", {}).get("buckets", [])
            counts = {str(bucket["key"]): bucket["doc_count"] for bucket in buckets}
            for value in selected:
                counts.setdefault(value, 0)
            facets[name] = sorted(
                (
                    FacetCount(value=value, count=count, selected=value in selected)
                    for value, count in counts.items()
                ),
                key=lambda facet: (-facet.count, facet.value),
            )
        return facets

    def suggestion_from_response(self, text, entries, locale):
        """The query with each unknown word replaced by the closest known word.

        The words are folded, as the vocabulary is. Among the options of the term
        suggester the nearest wins, then the most frequent; a word that is another
        form of a known word (same term) is left alone. "" when nothing changes.
        """
        stopwords = {analysis.fold(word) for word in analysis.STOPWORDS.get(locale, ())}
        options = {entry["text"]: entry.get("options") or [] for entry in entries}
        words = analysis.WORD.findall(analysis.fold(text))
        corrected = []
        for word in words:
            choices = [
                option
                for option in options.get(word, [])
                if len(option["text"]) >= 2
                and not option["text"].isdigit()
                and option["text"] not in stopwords
            ]
            skip = (
                not choices
                or word in stopwords
                or word.isdigit()
                or len(word) < MIN_CORRECTED_LENGTH
                or any(
                    analysis.stem(choice["text"], locale) == analysis.stem(word, locale)
                    for choice in choices
                )
            )
            if skip:
                corrected.append(word)
                continue
            best = min(
                choices,
                key=lambda choice: (
                    Levenshtein.distance(word, choice["text"]),
                    -choice.get("freq", 0),
                    choice["text"],
                ),
            )
            corrected.append(best["text"])
        return " ".join(corrected) if corrected != words else ""
