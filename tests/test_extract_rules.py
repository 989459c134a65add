"""Extraction rules on hand-parsed sentences: exact speaker, cue, content and type."""
from kg.extract import actions as action_rules
from kg.extract import affiliations as affiliation_rules
from kg.extract.discourse import Discourse
from kg.extract.entities import mentions
from kg.extract.statements import statements
from kg.resolve import resolve
from tests.handmade import O, article_from

# Jane Doe, director of Acme Corp, said that prices will rise.
APPOSITION = [
    ("Jane", 1, "compound", "PROPN", "NNP", "Jane", "B-PERSON"),
    ("Doe", 8, "nsubj", "PROPN", "NNP", "Doe", "I-PERSON"),
    (",", 1, "punct", "PUNCT", ",", ",", O),
    ("director", 1, "appos", "NOUN", "NN", "director", O),
    ("of", 3, "prep", "ADP", "IN", "of", O),
    ("Acme", 6, "compound", "PROPN", "NNP", "Acme", "B-ORG"),
    ("Corp", 4, "pobj", "PROPN", "NNP", "Corp", "I-ORG"),
    (",", 1, "punct", "PUNCT", ",", ",", O),
    ("said", 8, "ROOT", "VERB", "VBD", "say", O),
    ("that", 12, "mark", "SCONJ", "IN", "that", O),
    ("prices", 12, "nsubj", "NOUN", "NNS", "price", O),
    ("will", 12, "aux", "AUX", "MD", "will", O),
    ("rise", 8, "ccomp", "VERB", "VB", "rise", O),
    (".", 8, "punct", "PUNCT", ".", ".", O),
]

# “We will win,” Smith said.
DIRECT_CUE_AFTER = [
    ("“", 7, "punct", "PUNCT", "``", "“", O),
    ("We", 3, "nsubj", "PRON", "PRP", "we", O),
    ("will", 3, "aux", "AUX", "MD", "will", O),
    ("win", 7, "ccomp", "VERB", "VB", "win", O),
    (",", 7, "punct", "PUNCT", ",", ",", O),
    ("”", 7, "punct", "PUNCT", "''", "”", O),
    ("Smith", 7, "nsubj", "PROPN", "NNP", "Smith", "B-PERSON"),
    ("said", 7, "ROOT", "VERB", "VBD", "say", O),
    (".", 7, "punct", "PUNCT", ".", ".", O),
]

# “It is truly over now.”   (a bare quotation paragraph: the previous speaker goes on)
BARE_QUOTE = [
    ("“", 2, "punct", "PUNCT", "``", "“", O),
    ("It", 2, "nsubj", "PRON", "PRP", "it", O),
    ("is", 2, "ROOT", "AUX", "VBZ", "be", O),
    ("truly", 4, "advmod", "ADV", "RB", "truly", O),
    ("over", 2, "acomp", "ADV", "RB", "over", O),
    ("now", 2, "advmod", "ADV", "RB", "now", O),
    (".", 2, "punct", "PUNCT", ".", ".", O),
    ("”", 2, "punct", "PUNCT", "''", "”", O),
]

# Ms. Jones smiled.
MS_JONES = [
    ("Ms.", 1, "compound", "PROPN", "NNP", "Ms.", O),
    ("Jones", 2, "nsubj", "PROPN", "NNP", "Jones", "B-PERSON"),
    ("smiled", 2, "ROOT", "VERB", "VBD", "smile", O),
    (".", 2, "punct", "PUNCT", ".", ".", O),
]

# He added that the vote was fair.
HE_ADDED = [
    ("He", 1, "nsubj", "PRON", "PRP", "he", O),
    ("added", 1, "ROOT", "VERB", "VBD", "add", O),
    ("that", 5, "mark", "SCONJ", "IN", "that", O),
    ("the", 4, "det", "DET", "DT", "the", O),
    ("vote", 5, "nsubj", "NOUN", "NN", "vote", O),
    ("was", 1, "ccomp", "AUX", "VBD", "be", O),
    ("fair", 5, "acomp", "ADJ", "JJ", "fair", O),
    (".", 1, "punct", "PUNCT", ".", ".", O),
]

# Acme Corp accused Globex of fraud.
ACCUSE = [
    ("Acme", 1, "compound", "PROPN", "NNP", "Acme", "B-ORG"),
    ("Corp", 2, "nsubj", "PROPN", "NNP", "Corp", "I-ORG"),
    ("accused", 2, "ROOT", "VERB", "VBD", "accuse", O),
    ("Globex", 2, "dobj", "PROPN", "NNP", "Globex", "B-ORG"),
    ("of", 2, "prep", "ADP", "IN", "of", O),
    ("fraud", 4, "pobj", "NOUN", "NN", "fraud", O),
    (".", 2, "punct", "PUNCT", ".", ".", O),
]

# Critics claim that the plan failed.
CRITICS = [
    ("Critics", 1, "nsubj", "NOUN", "NNS", "critic", O),
    ("claim", 1, "ROOT", "VERB", "VBP", "claim", O),
    ("that", 5, "mark", "SCONJ", "IN", "that", O),
    ("the", 4, "det", "DET", "DT", "the", O),
    ("plan", 5, "nsubj", "NOUN", "NN", "plan", O),
    ("failed", 1, "ccomp", "VERB", "VBD", "fail", O),
    (".", 1, "punct", "PUNCT", ".", ".", O),
]


def extract(*paragraph_rows):
    article, paragraphs = article_from(*paragraph_rows)
    index = resolve(mentions(paragraphs), text=article.text)
    said = statements(article, paragraphs, Discourse(index))
    members = affiliation_rules.affiliations(article, paragraphs, index)
    done = action_rules.actions(article, paragraphs, Discourse(index))
    return index, said, members, done


def rows_of(said):
    return [(s.speaker, s.cue, s.content, s.quote_type, s.speech_act) for s in said]


def test_indirect_speech_with_apposition():
    index, said, members, _ = extract(APPOSITION)
    assert rows_of(said) == [("Person/jane-doe", "said", "prices will rise", "indirect", "say")]
    assert [(a.person, a.organization, a.role) for a in members] == [
        ("Person/jane-doe", "Organization/acme-corp", "director")]


def test_direct_quote_with_cue_after_it():
    _, said, _, _ = extract(DIRECT_CUE_AFTER)
    assert rows_of(said) == [("Person/smith", "said", "We will win", "direct", "say")]


def test_bare_quote_paragraph_continues_the_previous_speaker():
    _, said, _, _ = extract(DIRECT_CUE_AFTER, BARE_QUOTE)
    assert rows_of(said)[1] == ("Person/smith", "said", "It is truly over now.", "direct", "say")


def test_he_skips_a_woman_who_was_the_last_subject():
    index, said, _, _ = extract(DIRECT_CUE_AFTER, MS_JONES, HE_ADDED)
    assert rows_of(said)[-1] == ("Person/smith", "added", "the vote was fair", "indirect", "say")
    assert index.gender("Person/jones") == "f"
    assert "Ms. Jones" in index.by_ref("Person/jones").aliases


def test_accuse_takes_its_object_as_content_and_is_an_action():
    _, said, _, done = extract(ACCUSE)
    assert rows_of(said) == [("Organization/acme-corp", "accused", "Globex of fraud", "indirect", "accuse")]
    assert [(a.agent, a.lemma, a.object) for a in done] == [
        ("Organization/acme-corp", "accuse", "Organization/globex")]


def test_unnamed_speaker_is_kept_without_an_entity():
    _, said, _, _ = extract(CRITICS)
    assert [(s.speaker, s.speaker_text, s.unnamed_speaker, s.content) for s in said] == [
        (None, "Critics", True, "the plan failed")]


# co-host Jane Doe said that prices will rise.  (the parser gives "said" three subjects)
SEVERAL_SUBJECTS = [
    ("co", 5, "nsubj", "NOUN", "NN", "co", O),
    ("-", 5, "nsubj", "NOUN", "NN", "-", O),
    ("host", 4, "compound", "NOUN", "NN", "host", O),
    ("Jane", 4, "compound", "PROPN", "NNP", "Jane", "B-PERSON"),
    ("Doe", 5, "nsubj", "PROPN", "NNP", "Doe", "I-PERSON"),
    ("said", 5, "ROOT", "VERB", "VBD", "say", O),
    ("that", 9, "mark", "SCONJ", "IN", "that", O),
    ("prices", 9, "nsubj", "NOUN", "NNS", "price", O),
    ("will", 9, "aux", "AUX", "MD", "will", O),
    ("rise", 5, "ccomp", "VERB", "VB", "rise", O),
    (".", 5, "punct", "PUNCT", ".", ".", O),
]


def test_of_several_subjects_the_name_is_the_speaker():
    _, said, _, _ = extract(SEVERAL_SUBJECTS)
    assert rows_of(said) == [("Person/jane-doe", "said", "prices will rise", "indirect", "say")]


# The plan failed; the deal will continue to lag.  (the parser makes "failed" a ccomp of "continue";
# "continue" reports speech only beside a quotation: "“...,” he continued.")
CONTINUE_NO_QUOTE = [
    ("The", 1, "det", "DET", "DT", "the", O),
    ("plan", 2, "nsubj", "NOUN", "NN", "plan", O),
    ("failed", 7, "ccomp", "VERB", "VBD", "fail", O),
    (";", 7, "punct", "PUNCT", ":", ";", O),
    ("the", 5, "det", "DET", "DT", "the", O),
    ("deal", 7, "nsubj", "NOUN", "NN", "deal", O),
    ("will", 7, "aux", "AUX", "MD", "will", O),
    ("continue", 7, "ROOT", "VERB", "VB", "continue", O),
    ("to", 9, "aux", "PART", "TO", "to", O),
    ("lag", 7, "xcomp", "VERB", "VB", "lag", O),
    (".", 7, "punct", "PUNCT", ".", ".", O),
]


def test_continue_without_a_quotation_is_no_statement():
    _, said, _, _ = extract(CONTINUE_NO_QUOTE)
    assert said == []
