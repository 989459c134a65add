"""One node per person across a store: a later "Mr Surname" joins the full name an earlier article gave."""
import pytest

from kg.cli import main
from kg.rdf.vocab import SCHEMA
from kg.rdf.store import Store

pytestmark = pytest.mark.model

ARTICLES = {
    "a.txt": "Secretary of State John Kerry said the talks would resume.\n",
    "b.txt": "Mr. Kerry said on Monday that the deal was close.\n",
    "c.txt": "Kerry told reporters that he was hopeful.\n",
}


def people(store_path, kind=SCHEMA.Person):
    with Store(store_path, read_only=True) as store:
        graph = store.graph()
    return {str(graph.value(p, SCHEMA.name)): sorted(map(str, graph.objects(p, SCHEMA.alternateName)))
            for p in graph.subjects(predicate=None, object=kind)}


def write(folder, articles):
    paths = []
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def test_a_surname_in_later_articles_joins_the_full_name_of_an_earlier_one(tmp_path):
    assert main(["ingest", *write(tmp_path, ARTICLES), "--into", str(tmp_path / "store")]) == 0
    assert people(tmp_path / "store") == {"John Kerry": ["Kerry", "Mr. Kerry"]}


def test_two_people_who_share_a_surname_stay_two_and_a_bare_surname_joins_neither(tmp_path):
    two = {"a.txt": ARTICLES["a.txt"], "d.txt": "Teresa Kerry said she would travel to Paris.\n",
           "e.txt": "Kerry said the visit went well.\n"}
    assert main(["ingest", *write(tmp_path, two), "--into", str(tmp_path / "store")]) == 0
    assert sorted(people(tmp_path / "store")) == ["John Kerry", "Kerry", "Teresa Kerry"]


def test_an_organisation_named_short_in_a_later_article_joins_its_full_name(tmp_path):
    short = {"f.txt": "Northwind Corp said on Monday that profits would rise.\n",
             "g.txt": "Executives at Northwind said the plant would close.\n"}
    assert main(["ingest", *write(tmp_path, short), "--into", str(tmp_path / "store")]) == 0
    assert people(tmp_path / "store", SCHEMA.Organization) == {"Northwind Corp": ["Northwind"]}


# the README's query: which surface forms, from which article, made each node
SURFACE_FORMS = """SELECT ?node ?name ?form ?article WHERE {
    ?node schema:name ?name . GRAPH ?article { ?node schema:alternateName ?form } }"""


def test_a_query_says_which_article_gave_a_node_which_name(tmp_path):
    assert main(["ingest", *write(tmp_path, ARTICLES), "--into", str(tmp_path / "store")]) == 0
    with Store(tmp_path / "store", read_only=True) as store:
        result = store.query(SURFACE_FORMS)
    rows = {(name, form, article.rsplit("/", 1)[-1]) for _, name, form, article in result.rows}
    assert rows == {("John Kerry", "Kerry", "c"), ("John Kerry", "Mr. Kerry", "b"), ("John Kerry", "Kerry", "b")}
