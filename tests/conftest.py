"""Shared fixtures: a small hand-built ArticleGraph full of hostile strings."""
from __future__ import annotations

import pytest

from kg.model import Action, Affiliation, Article, ArticleGraph, Entity, Evidence, Statement
from kg.rdf.iri import slugify

# names and texts that break naive IRI minting, escaping and HTML: accents, quotes, markup,
# newlines, backslashes, emoji
JOSE = "José Núñez-O'Brien 😀"
LI_WEI = "<script>alert('x')</script> Li\nWei"
QUOTE_1 = 'China "detained" Uyghurs <b>&amp;</b> \\ 🙂'
QUOTE_2 = "the report was late\nand incomplete"


def _evidence(text: str, part: str) -> Evidence:
    """The evidence sentence of ``text`` that holds ``part``, with its offsets."""
    start = text.index(part)
    return Evidence(start=start, end=start + len(part), text=part)


def make_small_article_graph() -> ArticleGraph:
    """Two persons, one organisation, one place, one group; 2 statements, 2 affiliations, 1 action."""
    s1 = f'“{QUOTE_1},” Núñez said.'
    s2 = f"Critics argued {QUOTE_2}."
    s3 = f"{JOSE}, China director of Human Rights Watch, spoke in Geneva."
    s4 = f"{LI_WEI} of China was there."
    s5 = "China detained the Uighurs."
    text = "\n".join([s1, s2, s3, s4, s5]) + "\n"

    jose = Entity(key=slugify(JOSE), type="Person", name=JOSE, aliases=('Mr. "Joe" Núñez', "Núñez"))
    li = Entity(key=slugify(LI_WEI), type="Person", name=LI_WEI)
    hrw = Entity(key="human-rights-watch", type="Organization", name="Human Rights Watch", aliases=("HRW",))
    china = Entity(key="china", type="Place", name="China")
    uyghurs = Entity(key="uyghurs", type="Group", name="Uyghurs", aliases=("Uighurs",))

    q1 = text.index(QUOTE_1)
    q2 = text.index(QUOTE_2)
    statements = (
        Statement(speaker=jose.ref, speaker_text="Núñez", cue="said", speech_act="accuse",
                  content=QUOTE_1, quote_type="direct", content_start=q1, content_end=q1 + len(QUOTE_1),
                  evidence=_evidence(text, s1), mentions=(china.ref, uyghurs.ref)),
        Statement(speaker=None, speaker_text="Critics", unnamed_speaker=True, cue="argued", speech_act="claim",
                  content=QUOTE_2, quote_type="indirect", content_start=q2, content_end=q2 + len(QUOTE_2),
                  evidence=_evidence(text, s2), mentions=(hrw.ref,)),
    )
    affiliations = (
        Affiliation(person=jose.ref, organization=hrw.ref, role="China director", evidence=_evidence(text, s3)),
        Affiliation(person=li.ref, organization=china.ref, role=None, evidence=_evidence(text, s4)),
    )
    actions = (
        Action(agent=china.ref, verb="detained", lemma="detain", object=uyghurs.ref,
               evidence=_evidence(text, s5)),
    )
    article = Article(
        id="test-article", text=text, headline='Héadline with "quotes" & <script>x</script>',
        byline="georgeskef", dateline="GENEVA", source="/tmp/some dir/test-article.txt",
    )
    return ArticleGraph(article=article, entities=(jose, li, hrw, china, uyghurs), statements=statements,
                        affiliations=affiliations, actions=actions, model="en_core_web_sm-3.8.0")


@pytest.fixture
def small_article_graph() -> ArticleGraph:
    """A small hand-built ArticleGraph with hostile strings (see ``make_small_article_graph``)."""
    return make_small_article_graph()
