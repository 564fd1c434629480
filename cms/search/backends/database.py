"""The archive search in the site's own database: SQLite FTS5 or PostgreSQL.

Documents are analysed in Python by `cms.search.analysis` and stored as
`SearchEntry` rows with their terms; the database's full-text index (an FTS5
table on SQLite, weighted `tsvector` columns with GIN indexes on PostgreSQL,
made by migration 0004) finds and ranks them. Queries are analysed the same
way. SQL here is assembled from constant fragments and placeholders: every
value, the match expression included, is a bound parameter, so a visitor's
operators, quotes or SQL are plain words.
"""

import contextlib
from dataclasses import asdict

from django.db import DatabaseError, connections, router, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from cms.models.search import SearchEntry, SearchFacetValue, SearchTerm

from .. import analysis
from ..documents import FACETS, CueHit, FacetCount, Hit, SearchResults, Suggestion
from .base import SearchBackend, SearchError

BATCH_SIZE = 500
# Entries written before a rebuild began and not yet written again by it.
PREVIOUS = "-"
MAX_FILTER_VALUES = 50
MAX_SUGGEST_WORDS = 8
MAX_CUES = 3
# Relevance: title ≫ people, tags, institution > summary, body > subtitles.
SQLITE_WEIGHTS = "10.0, 4.0, 2.0, 1.0, 0.0"
POSTGRESQL_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"  # D, C, B, A
TEXT_COLUMNS = "{title_terms meta_terms text_terms cue_terms}"
# Indexes of migration 0006 serving each sort in order (SQLite).
SORT_INDEXES = {
    "date": "cms_searchentry_sort_date",
    "rating": "cms_searchentry_sort_rating",
    "popularity": "cms_searchentry_sort_popular",
}

ENTRY_FIELDS = [
    "locale",
    "url",
    "title",
    "date",
    "available_from",
    "rating",
    "rating_count",
    "popularity",
    "duration",
    "document",
    "title_terms",
    "meta_terms",
    "text_terms",
    "cue_terms",
    "title_words",
    *(f"facet_{name}" for name in FACETS),
    "rebuild",
    "updated_at",
]


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _fts_string(term):
    return '"' + term.replace('"', '""') + '"'


def _stopwords(language):
    return {analysis.fold(word) for word in analysis.STOPWORDS.get(language, ())}


def _words(text):
    """Folded, unstemmed words of `text`."""
    return analysis.WORD.findall(analysis.fold(text or ""))


def vocabulary_words(document, language):
    """The distinct words "did you mean" may offer, from a stored document."""
    text = "\n".join(
        [
            document.get("title") or "",
            *(document.get("people") or []),
            *(document.get("tags") or []),
            document.get("institution") or "",
        ]
    )
    stopwords = _stopwords(language)
    return {
        word
        for word in _words(text)
        if 2 <= len(word) <= 100 and not word.isdigit() and word not in stopwords
    }


def _facet_values(document):
    """{facet: [distinct values]} of a document, as stored."""
    facets = {}
    for name, values in (document.facets or {}).items():
        if name in FACETS:
            values = [str(value)[:200] for value in values or []]
            facets[name] = list(dict.fromkeys(value for value in values if value))
    return facets


def _facet_columns(facets):
    """Column values of the facets: the value, "" for none, None for several."""
    columns = {}
    for name in FACETS:
        values = facets.get(name, [])
        columns[f"facet_{name}"] = (
            (values[0] if values else "") if len(values) < 2 else None
        )
    return columns


def _stored_document(document):
    data = asdict(document)
    for name in ("date", "available_from"):
        value = data[name]
        data[name] = value.isoformat() if value else None
    return data


class DatabaseBackend(SearchBackend):
    """Full-text search in the default database, keeping the whole contract."""

    name = "database"

    def __init__(self, index_name="archive", **options):
        super().__init__(index_name, **options)
        self.using = options.get("using") or router.db_for_write(SearchEntry)

    @property
    def connection(self):
        return connections[self.using]

    @property
    def vendor(self):
        return self.connection.vendor

    @contextlib.contextmanager
    def _errors(self):
        try:
            yield
        except DatabaseError as error:
            raise SearchError(str(error)) from error

    # Writing

    def index(self, documents, *, rebuild=None):
        latest = {}
        for document in documents:
            latest[document.key] = document
        documents = list(latest.values())
        written = 0
        with self._errors():
            for batch in _chunks(documents, BATCH_SIZE):
                with transaction.atomic(using=self.using):
                    written += self._index_batch(batch, rebuild or "")
        return written

    def _entry(self, document, rebuild):
        language = document.locale
        analyze = analysis.analyze
        title = (document.title or "")[:500]
        return SearchEntry(
            index_name=self.index_name,
            key=document.key,
            locale=language,
            url=(document.url or "")[:500],
            title=title,
            date=document.date,
            available_from=document.available_from,
            rating=document.rating,
            rating_count=max(int(document.rating_count or 0), 0),
            popularity=max(int(document.popularity or 0), 0),
            duration=max(int(document.duration or 0), 0),
            document=_stored_document(document),
            title_terms=" ".join(analyze(title, language)),
            meta_terms=" ".join(
                analyze(
                    "\n".join([*document.people, *document.tags, document.institution]),
                    language,
                )
            ),
            text_terms=" ".join(
                analyze(f"{document.summary}\n{document.body}", language)
            ),
            cue_terms=" ".join(
                analyze("\n".join(cue.text for cue in document.cues), language)
            ),
            title_words=" ".join(_words(title)),
            rebuild=rebuild,
            **_facet_columns(_facet_values(document)),
        )

    def _index_batch(self, documents, rebuild):
        keys = [document.key for document in documents]
        previous = SearchEntry.objects.using(self.using).filter(
            index_name=self.index_name, key__in=keys
        )
        deltas = {}
        for locale, document in previous.values_list("locale", "document"):
            for word in vocabulary_words(document, locale):
                deltas[locale, word] = deltas.get((locale, word), 0) - 1
        entries = [self._entry(document, rebuild) for document in documents]
        for entry in entries:
            for word in vocabulary_words(entry.document, entry.locale):
                deltas[entry.locale, word] = deltas.get((entry.locale, word), 0) + 1
        SearchEntry.objects.using(self.using).bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["index_name", "key"],
            update_fields=ENTRY_FIELDS,
        )
        if any(entry.pk is None for entry in entries):
            ids = dict(
                SearchEntry.objects.using(self.using)
                .filter(index_name=self.index_name, key__in=keys)
                .values_list("key", "id")
            )
            for entry in entries:
                entry.pk = ids[entry.key]
        ids = [entry.pk for entry in entries]
        SearchFacetValue.objects.using(self.using).filter(entry_id__in=ids).delete()
        # Only facets with several values: single ones are entry columns.
        SearchFacetValue.objects.using(self.using).bulk_create(
            [
                SearchFacetValue(entry_id=entry.pk, name=name, value=value)
                for entry, document in zip(entries, documents, strict=True)
                for name, values in _facet_values(document).items()
                if len(values) > 1
                for value in values
            ],
            batch_size=1000,
        )
        self._apply_vocabulary(deltas)
        return len(entries)

    def _apply_vocabulary(self, deltas):
        deltas = {pair: delta for pair, delta in deltas.items() if delta}
        if not deltas:
            return
        terms = SearchTerm.objects.using(self.using)
        existing = {
            (locale, word): (pk, frequency)
            for pk, locale, word, frequency in terms.filter(
                index_name=self.index_name,
                locale__in={locale for locale, _word in deltas},
                word__in={word for _locale, word in deltas},
            ).values_list("pk", "locale", "word", "frequency")
        }
        keep, drop = [], []
        for (locale, word), delta in deltas.items():
            pk, frequency = existing.get((locale, word), (None, 0))
            frequency += delta
            if frequency > 0:
                keep.append(
                    SearchTerm(
                        index_name=self.index_name,
                        locale=locale,
                        word=word,
                        initial=word[0],
                        length=len(word),
                        frequency=frequency,
                    )
                )
            elif pk is not None:
                drop.append(pk)
        if drop:
            terms.filter(pk__in=drop).delete()
        if keep:
            terms.bulk_create(
                keep,
                update_conflicts=True,
                unique_fields=["index_name", "locale", "word"],
                update_fields=["frequency"],
                batch_size=1000,
            )

    def _delete_entries(self, entries):
        """Delete entries (a queryset) and their words; returns how many."""
        deltas = {}
        ids = []
        for pk, locale, document in entries.values_list("pk", "locale", "document"):
            ids.append(pk)
            for word in vocabulary_words(document, locale):
                deltas[locale, word] = deltas.get((locale, word), 0) - 1
        for batch in _chunks(ids, BATCH_SIZE):
            SearchFacetValue.objects.using(self.using).filter(
                entry_id__in=batch
            ).delete()
            SearchEntry.objects.using(self.using).filter(pk__in=batch).delete()
        self._apply_vocabulary(deltas)
        return len(ids)

    def remove(self, keys):
        keys = [str(key) for key in keys]
        if not keys:
            return 0
        removed = 0
        with self._errors(), transaction.atomic(using=self.using):
            for batch in _chunks(keys, BATCH_SIZE):
                removed += self._delete_entries(
                    SearchEntry.objects.using(self.using).filter(
                        index_name=self.index_name, key__in=batch
                    )
                )
        return removed

    def begin_rebuild(self, token, *, resume=False):
        if not token or token == PREVIOUS:
            raise ValueError("A rebuild needs a token of its own.")
        if resume:
            return
        # Searches keep finding these until the rebuild writes them again or,
        # at its end, drops them as stale.
        with self._errors():
            SearchEntry.objects.using(self.using).filter(
                index_name=self.index_name
            ).update(rebuild=PREVIOUS)

    def finish_rebuild(self, token):
        """Drop entries the rebuild did not write; returns how many."""
        # Entries written outside the rebuild while it ran ("") are current too.
        with self._errors():
            with transaction.atomic(using=self.using):
                removed = self._delete_entries(
                    SearchEntry.objects.using(self.using)
                    .filter(index_name=self.index_name)
                    .exclude(rebuild__in=[token, ""])
                )
            if self.vendor == "postgresql":
                # Fresh statistics keep the planner on the indexes after a
                # rebuild has rewritten every row; outside a transaction VACUUM
                # also drops the old row versions and marks the pages visible,
                # so counts and pages are read from the covering indexes alone.
                command = "ANALYZE"
                if not self.connection.in_atomic_block:
                    command = "VACUUM (ANALYZE)"
                with self.connection.cursor() as cursor:
                    cursor.execute(
                        f"{command} cms_searchentry, cms_searchfacetvalue, "
                        "cms_searchterm"
                    )
        return removed

    def count(self, locale=None):
        entries = SearchEntry.objects.using(self.using).filter(
            index_name=self.index_name
        )
        if locale:
            entries = entries.filter(locale=locale)
        with self._errors():
            return entries.count()

    def clear(self):
        with self._errors(), transaction.atomic(using=self.using):
            entries = SearchEntry.objects.using(self.using).filter(
                index_name=self.index_name
            )
            SearchFacetValue.objects.using(self.using).filter(
                entry__in=entries
            ).delete()
            entries.delete()
            SearchTerm.objects.using(self.using).filter(
                index_name=self.index_name
            ).delete()

    # Reading

    def _now(self, now):
        return self.connection.ops.adapt_datetimefield_value(now or timezone.now())

    def _text_match(self, terms):
        """(SQL condition on `e`, params) holding every term, or None."""
        if not terms:
            return None
        if self.vendor == "sqlite":
            expression = " AND ".join(_fts_string(term) for term in terms)
            return (
                "e.id IN (SELECT rowid FROM cms_searchentry_fts "
                "WHERE cms_searchentry_fts MATCH %s)",
                [f"{TEXT_COLUMNS} : ({expression})"],
            )
        return ("e.search_vector @@ plainto_tsquery('simple', %s)", [" ".join(terms)])

    def _conditions(self, query, terms, *, without=None):
        """SQL conditions on `e` and params: locale, availability, text, filters."""
        conditions = [
            "e.index_name = %s",
            "e.locale = %s",
            "(e.available_from IS NULL OR e.available_from <= %s)",
        ]
        params = [self.index_name, query.locale, self._now(query.now)]
        text = self._text_match(terms)
        if text:
            conditions.append(text[0])
            params.extend(text[1])
        for name, values in query.filters.items():
            if name == without:
                continue
            values = [value[:200] for value in values[:MAX_FILTER_VALUES]]
            placeholders = ", ".join(["%s"] * len(values))
            # `name` is one of FACETS (SearchQuery keeps only those).
            column = f"e.facet_{name}"
            conditions.append(
                f"({column} IN ({placeholders}) OR ({column} IS NULL AND "  # noqa: S608
                "e.id IN (SELECT entry_id FROM cms_searchfacetvalue "
                f"WHERE name = %s AND value IN ({placeholders}))))"
            )
            params.extend([*values, name, *values])
        return " AND ".join(conditions), params

    def _fetch(self, sql, params):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _entries(self, index="cms_searchentry_facets"):
        """The entries table, on SQLite read through an index covering the query.

        Left to itself (it has no statistics), SQLite reads the row of each
        candidate, far past the stored document to the facet columns, or sorts
        the locale; the indexes of migration 0006 hold every column the counts
        and the browsing pages need.
        """
        if self.vendor == "sqlite":
            return f"cms_searchentry e INDEXED BY {index}"
        return "cms_searchentry e"

    def _count(self, query, terms):
        where, params = self._conditions(query, terms)
        sql = f"SELECT COUNT(*) FROM {self._entries()} WHERE {where}"  # noqa: S608
        return self._fetch(sql, params)[0][0]

    def _page(self, query, terms):
        """[(id, score)] of the query's page, in order."""
        # SQLite sorts NULLs last in descending order already, and uses the
        # sort indexes only without the NULLS LAST clause.
        nulls_last = "" if self.vendor == "sqlite" else " NULLS LAST"
        order_by = {
            "date": [],
            "rating": [f"e.rating DESC{nulls_last}", "e.rating_count DESC"],
            "popularity": ["e.popularity DESC"],
            "relevance": ["score DESC"] if terms else [],
        }[query.sort]
        order_by += [f"e.date DESC{nulls_last}", "e.id DESC"]
        offset = (query.page - 1) * query.per_page
        if terms and query.sort == "relevance":
            if self.vendor == "sqlite":
                where, params = self._conditions(query, [])
                expression = " AND ".join(_fts_string(term) for term in terms)
                sql = (
                    "SELECT e.id, -bm25(cms_searchentry_fts, "  # noqa: S608
                    f"{SQLITE_WEIGHTS}) AS score "
                    "FROM cms_searchentry_fts "
                    "JOIN cms_searchentry e ON e.id = cms_searchentry_fts.rowid "
                    f"WHERE cms_searchentry_fts MATCH %s AND {where} "
                )
                params = [f"{TEXT_COLUMNS} : ({expression})", *params]
            else:
                where, params = self._conditions(query, terms)
                sql = (
                    f"SELECT e.id, ts_rank('{POSTGRESQL_WEIGHTS}', "  # noqa: S608
                    "e.search_vector, plainto_tsquery('simple', %s)) AS score "
                    f"FROM cms_searchentry e WHERE {where} "
                )
                params = [" ".join(terms), *params]
        else:
            where, params = self._conditions(query, terms)
            index = SORT_INDEXES.get(query.sort, SORT_INDEXES["date"])
            sql = f"SELECT e.id, 0 AS score FROM {self._entries(index)} "  # noqa: S608
            sql += f"WHERE {where} "
        sql += f"ORDER BY {', '.join(order_by)} LIMIT %s OFFSET %s"
        return self._fetch(sql, [*params, query.per_page, offset])

    def _facet_rows(self, names, where, params, terms):
        """(facet, column value, count) of the entries matching `where`, in one scan."""
        columns = [f"e.facet_{name}" for name in names]
        listed = ", ".join(columns)
        if self.vendor == "postgresql":
            # GROUPING() tells which set a row counts: its bit is 0.
            sets = ", ".join(f"({column})" for column in columns)
            rows = self._fetch(
                f"SELECT GROUPING({listed}), {listed}, COUNT(*) "  # noqa: S608
                f"FROM {self._entries()} WHERE {where} GROUP BY GROUPING SETS ({sets})",
                params,
            )
            last = len(names) - 1
            for mask, *values, count in rows:
                for position, name in enumerate(names):
                    if not mask & (1 << (last - position)):
                        yield name, values[position], count
            return
        if not terms:
            # SQLite browsing: a short scan of the covering index per facet
            # beats one scan yielding thousands of combinations.
            rows = self._fetch(
                " UNION ALL ".join(
                    f"SELECT {position}, {column}, COUNT(*) "  # noqa: S608
                    f"FROM {self._entries()} WHERE {where} GROUP BY {column}"
                    for position, column in enumerate(columns)
                ),
                params * len(columns),
            )
            for position, value, count in rows:
                yield names[position], value, count
            return
        # SQLite text search: the few matches' combinations of the columns, in
        # one scan (each full-text match would be run again per facet).
        rows = self._fetch(
            f"SELECT {listed}, COUNT(*) FROM {self._entries()} "  # noqa: S608
            f"WHERE {where} GROUP BY {listed}",
            params,
        )
        for row in rows:
            count = row[-1]
            for name, value in zip(names, row, strict=False):
                yield name, value, count

    def _facets(self, query, terms):
        """Counts per facet value among items matching everything but that facet."""
        counts = {name: {} for name in FACETS}
        # Facets without a filter share one count over the fully filtered set.
        groups = [(None, [name for name in FACETS if name not in query.filters])]
        groups += [(name, [name]) for name in FACETS if name in query.filters]
        for without, names in groups:
            if not names:
                continue
            where, params = self._conditions(query, terms, without=without)
            several = set()
            for name, value, count in self._facet_rows(names, where, params, terms):
                if value is None:
                    several.add(name)
                elif value:
                    counts[name][value] = counts[name].get(value, 0) + count
            if not several:
                continue
            # Entries with several values of a facet keep them as rows.
            names = [name for name in names if name in several]
            placeholders = " OR ".join(
                f"(fv.name = %s AND e.facet_{name} IS NULL)" for name in names
            )
            rows = self._fetch(
                "SELECT fv.name, fv.value, COUNT(*) "  # noqa: S608
                "FROM cms_searchfacetvalue fv "
                "JOIN cms_searchentry e ON e.id = fv.entry_id "
                f"WHERE ({placeholders}) AND {where} "
                "GROUP BY fv.name, fv.value",
                [*names, *params],
            )
            for name, value, count in rows:
                counts[name][value] = counts[name].get(value, 0) + count
        facets = {}
        for name in FACETS:
            selected = set(query.filters.get(name, []))
            values = dict(counts[name])
            for value in selected:
                values.setdefault(value, 0)
            facets[name] = [
                FacetCount(value, count, value in selected)
                for value, count in sorted(
                    values.items(), key=lambda item: (-item[1], item[0])
                )
            ]
        return facets

    def search(self, query):
        terms = analysis.query_terms(query.text, query.locale)
        if query.text and not terms:
            # Only function words or punctuation: nothing to look for.
            return SearchResults(
                query=query,
                hits=[],
                total=0,
                facets=self._empty_facets(query) if query.with_facets else {},
                backend=self.name,
            )
        with self._errors():
            rows = self._page(query, terms)
            total = self._count(query, terms)
            facets = self._facets(query, terms) if query.with_facets else {}
            entries = {
                entry.pk: entry
                for entry in SearchEntry.objects.using(self.using).filter(
                    pk__in=[pk for pk, _score in rows]
                )
            }
            hits = [
                self._hit(entries[pk], score, terms, query.locale)
                for pk, score in rows
                if pk in entries
            ]
            suggestion = ""
            if terms and total < 3:
                suggestion = self._did_you_mean(query)
        return SearchResults(
            query=query,
            hits=hits,
            total=total,
            facets=facets,
            suggestion=suggestion,
            backend=self.name,
        )

    def _empty_facets(self, query):
        return {
            name: [
                FacetCount(value, 0, True)
                for value in sorted(set(query.filters.get(name, [])))
            ]
            for name in FACETS
        }

    def _hit(self, entry, score, terms, language):
        document = entry.document
        highlight = analysis.highlight
        title = document.get("title") or entry.title
        summary = document.get("summary") or ""
        texts = [
            summary,
            document.get("body") or "",
            ", ".join(document.get("people") or []),
        ]
        excerpt = ""
        if terms:
            wanted = set(terms)
            found = [
                len({t.term for t in analysis.tokens(text, language)} & wanted)
                for text in texts
            ]
            best = max(range(len(texts)), key=lambda index: (found[index], -index))
            if found[best]:
                excerpt = highlight(texts[best], terms, language)
        if not excerpt:
            excerpt = highlight(summary or texts[1], [], language, always=True)
        return Hit(
            key=entry.key,
            url=entry.url,
            title=title,
            summary=summary,
            date=entry.date or parse_datetime(document.get("date") or ""),
            rating=entry.rating,
            rating_count=entry.rating_count,
            popularity=entry.popularity,
            duration=entry.duration,
            image_url=document.get("image_url") or "",
            facets=document.get("facets") or {},
            score=float(score or 0),
            # A window three times the title's length always starts at its start.
            title_html=highlight(
                title, terms, language, length=3 * len(title) + 3, always=True
            ),
            excerpt_html=excerpt,
            cues=self._cue_hits(document.get("cues") or [], terms, language),
        )

    def _cue_hits(self, cues, terms, language):
        if not terms:
            return []
        wanted = set(terms)
        ranked = []
        for cue in cues:
            found = {t.term for t in analysis.tokens(cue["text"], language)} & wanted
            if found:
                ranked.append((-len(found), cue["start"], cue))
        ranked.sort(key=lambda item: item[:2])
        return [
            CueHit(
                start=cue["start"],
                html=analysis.highlight(cue["text"], terms, language),
                recording=cue.get("recording") or 1,
            )
            for _found, _start, cue in ranked[:MAX_CUES]
        ]

    # "Did you mean" and autocomplete

    def _did_you_mean(self, query):
        """The query with unknown words replaced by the nearest known ones, or ""."""
        language = query.locale
        stopwords = _stopwords(language)
        words = _words(query.text)
        terms = SearchTerm.objects.using(self.using).filter(
            index_name=self.index_name, locale=language
        )
        known = set(terms.filter(word__in=set(words)).values_list("word", flat=True))
        corrected = []
        for word in words:
            if word in known or word in stopwords or len(word) < 3 or word.isdigit():
                corrected.append(word)
                continue
            corrected.append(self._closest(terms, word, language) or word)
        if corrected == words:
            return ""
        suggestion = " ".join(corrected)
        terms = analysis.query_terms(suggestion, language)
        if not terms or not self._count(
            type(query)(locale=language, text=suggestion, now=query.now), terms
        ):
            return ""
        return suggestion

    def _closest(self, terms, word, language):
        candidates = dict(
            terms.filter(
                initial=word[0], length__gte=len(word) - 2, length__lte=len(word) + 2
            ).values_list("word", "frequency")
        )
        near = process.extract(
            word,
            list(candidates),
            scorer=Levenshtein.distance,
            score_cutoff=2,
            limit=None,
        )
        if not near:
            return ""
        stem = analysis.stem(word, language)
        if any(analysis.stem(choice, language) == stem for choice, *_rest in near):
            # Another form of a known word: nothing to correct.
            return ""
        choice, _distance, _index = min(
            near, key=lambda item: (item[1], -candidates[item[0]], item[0])
        )
        return choice

    def suggest(self, locale, prefix, *, limit=8, now=None):
        prefix = " ".join((prefix or "").split())[:200]
        words = _words(prefix)[:MAX_SUGGEST_WORDS]
        if len(prefix) < 2 or not words:
            return []
        limit = min(max(int(limit), 1), 50)
        if self.vendor == "sqlite":
            match = " AND ".join(f"{_fts_string(word)}*" for word in words)
            source = (
                "cms_searchentry_fts JOIN cms_searchentry e "
                "ON e.id = cms_searchentry_fts.rowid"
            )
            condition = "cms_searchentry_fts MATCH %s"
            match = f"{{title_words}} : ({match})"
        else:
            match = " & ".join(f"'{word}':*" for word in words)
            source = "cms_searchentry e"
            condition = "e.words_vector @@ to_tsquery('simple', %s)"
        sql = (
            f"SELECT e.title, e.url FROM {source} WHERE {condition} "  # noqa: S608
            "AND e.index_name = %s AND e.locale = %s "
            "AND (e.available_from IS NULL OR e.available_from <= %s) "
            "ORDER BY e.popularity DESC, e.date DESC NULLS LAST, e.id DESC LIMIT %s"
        )
        with self._errors():
            rows = self._fetch(
                sql, [match, self.index_name, locale, self._now(now), limit]
            )
        return [Suggestion(title, url) for title, url in rows]
