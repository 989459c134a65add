"""Entity rules on hand-parsed sentences: typing, names NER cuts short, acronyms, merges."""
from spacy.tokens import Doc

from kg.extract.entities import mentions
from kg.nlp import Paragraph
from kg.resolve import resolve
from tests.handmade import VOCAB, O, article_from


def flat(*tokens):
    """Rows for a sentence whose structure the rule under test does not read: (word, ent[, tag])."""
    rows = []
    for i, token in enumerate(tokens):
        word, ent, tag = (*token, None) if len(token) == 2 else token
        tag = tag or ("NNP" if word[:1].isupper() else "NN")
        pos = "PROPN" if tag == "NNP" else ("PUNCT" if not word[:1].isalnum() else "NOUN")
        rows.append((word, 0, "ROOT" if i == 0 else "dep", pos, tag, word.lower(), ent))
    return rows


def entities_of(*paragraph_rows):
    article, paragraphs = article_from(*paragraph_rows)
    return resolve(mentions(paragraphs), text=article.text).entities


def typed(*paragraph_rows):
    return sorted((e.type, e.name) for e in entities_of(*paragraph_rows))


def test_a_given_name_and_surname_tagged_as_an_organisation_is_a_person():
    rows = flat(("Dean", "B-ORG"), ("Kamen", "I-ORG"), ("founded", O, "VBD"), ("it", O, "PRP"), (".", O, "."))
    assert typed(rows) == [("Person", "Dean Kamen")]


def test_an_organisation_name_that_opens_with_a_given_name_stays_one():
    rows = flat(("Grace", "B-ORG"), ("Foundation", "I-ORG"), ("paid", O, "VBD"), (".", O, "."))
    assert typed(rows) == [("Organization", "Grace Foundation")]


# The team traveled from Herat.  (NER: Herat = ORG)
FROM_HERAT = [
    ("The", 1, "det", "DET", "DT", "the", O),
    ("team", 2, "nsubj", "NOUN", "NN", "team", O),
    ("traveled", 2, "ROOT", "VERB", "VBD", "travel", O),
    ("from", 2, "prep", "ADP", "IN", "from", O),
    ("Herat", 3, "pobj", "PROPN", "NNP", "Herat", "B-ORG"),
    (".", 2, "punct", "PUNCT", ".", ".", O),
]


def test_a_city_where_the_sentence_puts_something_is_a_place_whatever_ner_said():
    assert typed(FROM_HERAT) == [("Place", "Herat")]


def test_a_lone_surname_tagged_as_a_place_is_the_person_named_before():
    first = flat(("Daniel", "B-PERSON"), ("Montalvo", "I-PERSON"), ("left", O, "VBD"), (".", O, "."))
    later = flat(("Montalvo", "B-GPE"), ("returned", O, "VBD"), (".", O, "."))
    [montalvo] = entities_of(first, later)
    assert (montalvo.type, montalvo.name, montalvo.aliases) == ("Person", "Daniel Montalvo", ("Montalvo",))


def test_a_country_keeps_its_own_name_beside_a_person_of_that_surname():
    first = flat(("Michael", "B-PERSON"), ("Jordan", "I-PERSON"), ("flew", O, "VBD"), ("to", O, "IN"),
                 ("Jordan", "B-GPE"), (".", O, "."))
    assert typed(first) == [("Person", "Michael Jordan"), ("Place", "Jordan")]


def test_an_acronym_in_parentheses_names_the_organisation_ner_missed():
    rows = flat(("He", O, "PRP"), ("joined", O, "VBD"), ("Human", O), ("Rights", O), ("Watch", O), ("(", O, "-LRB-"),
                ("HRW", O), (")", O, "-RRB-"), ("in", O, "IN"), ("May", "B-DATE"), (".", O, "."))
    [hrw] = entities_of(rows)
    assert (hrw.type, hrw.name, hrw.aliases) == ("Organization", "Human Rights Watch", ("HRW",))


def test_an_acronym_before_its_expansion_is_an_alias_of_it():
    rows = flat(("FIRST", "B-ORDINAL"), ("(", O, "-LRB-"), ("For", O, "IN"), ("Inspiration", O), ("and", O, "CC"),
                ("Recognition", O), ("of", O, "IN"), ("Science", O), ("and", O, "CC"), ("Technology", O),
                (")", O, "-RRB-"), ("grew", O, "VBD"), (".", O, "."))
    [first] = entities_of(rows)
    assert (first.name, first.aliases) == ("For Inspiration and Recognition of Science and Technology", ("FIRST",))


def test_a_city_and_its_state_are_one_name_of_the_city():
    rows = flat(("He", O, "PRP"), ("lives", O, "VBZ"), ("in", O, "IN"), ("Irving", "B-GPE"), (",", O, ","),
                ("Texas", "B-GPE"), (".", O, "."))
    by_name = {e.name: e for e in entities_of(rows)}
    assert sorted(by_name) == ["Irving", "Texas"]
    assert by_name["Irving"].aliases == ("Irving, Texas",)


def spaced(words, spaces, tags, ents):
    """A one-paragraph parse with the tokenizer's own spacing ("pro-Beijing" has none around "-")."""
    return [Paragraph(0, Doc(VOCAB, words=words, spaces=spaces, tags=tags, ents=ents))]


def test_a_hyphenated_given_name_is_not_cut_at_the_hyphen():
    paragraphs = spaced(["Wong", "Yeung", "-", "tat", "won", "."], [True, False, False, True, False, False],
                        ["NNP", "NNP", "HYPH", "NN", "VBD", "."], ["B-PERSON", "I-PERSON", O, O, O, O])
    assert [(m.text, m.type) for m in mentions(paragraphs)] == [("Wong Yeung-tat", "Person")]


def test_a_place_after_pro_is_a_modifier_not_a_mention():
    paragraphs = spaced(["the", "pro", "-", "Beijing", "camp", "won"], [True, False, False, True, True, False],
                        ["DT", "AFX", "HYPH", "NNP", "NN", "VBD"], [O, O, O, "B-GPE", O, O])
    assert mentions(paragraphs) == []


def test_a_name_that_opens_with_a_number_is_kept():
    rows = flat(("The", O, "DT"), ("501st", "B-ORG", "JJ"), ("Legion", "I-ORG"), ("marched", O, "VBD"), (".", O, "."))
    assert typed(rows) == [("Organization", "501st Legion")]


def test_an_organisation_ner_began_at_its_kind_takes_the_name_before_it():
    rows = flat(("The", O, "DT"), ("Doctor", O), ("Who", O), ("Society", "B-ORG"), ("of", "I-ORG", "IN"),
                ("Canada", "I-ORG"), ("met", O, "VBD"), (".", O, "."))
    assert typed(rows) == [("Organization", "Doctor Who Society of Canada")]


def test_a_person_swallowed_by_the_organisation_before_them_is_split_off():
    rows = flat(("Council", "B-ORG"), ("on", "I-ORG", "IN"), ("Islamic", "I-ORG"), ("Relations", "I-ORG"),
                ("Alia", "I-ORG"), ("Salem", "I-ORG"), ("spoke", O, "VBD"), (".", O, "."))
    assert typed(rows) == [("Organization", "Council on Islamic Relations"), ("Person", "Alia Salem")]


# The Deseret News reported it.  (NER: nothing; a proper-noun subject of a reporting verb)
DESERET = [
    ("The", 2, "det", "DET", "DT", "the", O),
    ("Deseret", 2, "compound", "PROPN", "NNP", "Deseret", O),
    ("News", 3, "nsubj", "PROPN", "NNP", "News", O),
    ("reported", 3, "ROOT", "VERB", "VBD", "report", O),
    ("it", 3, "dobj", "PRON", "PRP", "it", O),
    (".", 3, "punct", "PUNCT", ".", ".", O),
]


def test_an_unrecognised_subject_named_like_a_newspaper_is_an_organisation():
    assert typed(DESERET) == [("Organization", "Deseret News")]


def test_a_professor_s_title_and_surname_are_an_alias():
    first = flat(("John", "B-PERSON"), ("Burrows", "I-PERSON"), ("spoke", O, "VBD"), (".", O, "."))
    later = flat(("Professor", O), ("Burrows", "B-PERSON"), ("agreed", O, "VBD"), (".", O, "."))
    [burrows] = entities_of(first, later)
    assert burrows.aliases == ("Burrows", "Professor Burrows")


def test_a_given_name_tells_the_gender_where_no_title_does():
    rows = flat(("Sophie", "B-PERSON"), ("Smith", "I-PERSON"), ("and", O, "CC"), ("John", "B-PERSON"),
                ("Brown", "I-PERSON"), ("met", O, "VBD"), (".", O, "."))
    article, paragraphs = article_from(rows)
    index = resolve(mentions(paragraphs), text=article.text)
    genders = {index.by_ref(ref).name: g for ref, g in index.genders}
    assert genders == {"Sophie Smith": "f", "John Brown": "m"}


def test_a_religion_is_not_an_organisation():
    rows = flat(("Islam", "B-ORG"), ("requires", O, "VBZ"), ("it", O, "PRP"), (".", O, "."))
    assert typed(rows) == []


def test_state_in_secretary_of_state_is_part_of_a_title():
    rows = flat(("the", O, "DT"), ("Secretary", O), ("of", O, "IN"), ("State", "B-ORG"), ("spoke", O, "VBD"), (".", O, "."))
    assert typed(rows) == []


def test_a_word_before_a_title_is_part_of_it():
    rows = flat(("Emeritus", "B-ORG"), ("Professor", O), ("John", "B-PERSON"), ("Burrows", "I-PERSON"),
                ("spoke", O, "VBD"), (".", O, "."))
    assert typed(rows) == [("Person", "John Burrows")]


def test_two_phrases_ner_ran_together_keep_the_named_one():
    rows = flat(("According", O, "VBG"), ("to", O, "IN"), ("Rathbun", "B-ORG"), ("the", "I-ORG", "DT"),
                ("Scientology", "I-ORG"), ("property", O), ("was", O, "VBD"), ("returned", O, "VBN"), (".", O, "."))
    assert typed(rows) == [("Organization", "Scientology")]


def test_a_bare_surname_is_the_person_named_most_often_of_that_surname():
    first = flat(("Ahmed", "B-PERSON"), ("Mohamed", "I-PERSON"), ("and", O, "CC"), ("Ahmed", "B-PERSON"),
                 ("Mohamed", "I-PERSON"), ("smiled", O, "VBD"), (".", O, "."))
    father = flat(("His", O, "PRP$"), ("father", O), ("Ali", "B-PERSON"), ("Mohamed", "I-PERSON"), ("spoke", O, "VBD"),
                  (".", O, "."))
    later = flat(("Mohamed", "B-PERSON"), ("left", O, "VBD"), (".", O, "."))
    by_name = {e.name: e for e in entities_of(first, father, later)}
    assert by_name["Ahmed Mohamed"].aliases == ("Mohamed",)
    assert by_name["Ali Mohamed"].aliases == ()


# Gary Fan of the Neo Democrats lost.  (NER: Democrats = NORP)
NEO_DEMOCRATS = [
    ("Gary", 1, "compound", "PROPN", "NNP", "Gary", "B-PERSON"),
    ("Fan", 6, "nsubj", "PROPN", "NNP", "Fan", "I-PERSON"),
    ("of", 1, "prep", "ADP", "IN", "of", O),
    ("the", 5, "det", "DET", "DT", "the", O),
    ("Neo", 5, "compound", "PROPN", "NNP", "Neo", O),
    ("Democrats", 2, "pobj", "PROPN", "NNPS", "Democrats", "B-NORP"),
    ("lost", 6, "ROOT", "VERB", "VBD", "lose", O),
    (".", 6, "punct", "PUNCT", ".", ".", O),
]


def test_a_named_group_of_people_is_an_organisation():
    assert typed(NEO_DEMOCRATS) == [("Organization", "Neo Democrats"), ("Person", "Gary Fan")]


# The boats of the Rohingya sank.  (NER: Rohingya = NORP, a noun here)
ROHINGYA = [
    ("The", 1, "det", "DET", "DT", "the", O),
    ("boats", 5, "nsubj", "NOUN", "NNS", "boat", O),
    ("of", 1, "prep", "ADP", "IN", "of", O),
    ("the", 4, "det", "DET", "DT", "the", O),
    ("Rohingya", 2, "pobj", "PROPN", "NNP", "Rohingya", "B-NORP"),
    ("sank", 5, "ROOT", "VERB", "VBD", "sink", O),
    (".", 5, "punct", "PUNCT", ".", ".", O),
]


def test_a_nationality_that_heads_its_phrase_is_a_group():
    assert typed(ROHINGYA) == [("Group", "Rohingya")]


# Then Ambassador Rosa and nonpartisan Junius Ho won.  (NER: Rosa, Ho = PERSON; Junius left out)
JUNIUS_HO = [
    ("Then", 7, "advmod", "ADV", "RB", "then", O),
    ("Ambassador", 2, "compound", "PROPN", "NNP", "Ambassador", O),
    ("Rosa", 7, "nsubj", "PROPN", "NNP", "Rosa", "B-PERSON"),
    ("and", 2, "cc", "CCONJ", "CC", "and", O),
    ("nonpartisan", 6, "amod", "ADJ", "JJ", "nonpartisan", O),
    ("Junius", 6, "compound", "PROPN", "NNP", "Junius", O),
    ("Ho", 2, "conj", "PROPN", "NNP", "Ho", "B-PERSON"),
    ("won", 7, "ROOT", "VERB", "VBD", "win", O),
    (".", 7, "punct", "PUNCT", ".", ".", O),
]


def test_a_given_name_ner_left_out_joins_the_name_but_a_rank_does_not():
    assert typed(JUNIUS_HO) == [("Person", "Junius Ho"), ("Person", "Rosa")]


# It took place at the Metro Convention Centre.  (NER: ORG)
AT_THE_CENTRE = [
    ("It", 1, "nsubj", "PRON", "PRP", "it", O),
    ("took", 1, "ROOT", "VERB", "VBD", "take", O),
    ("place", 1, "dobj", "NOUN", "NN", "place", O),
    ("at", 1, "prep", "ADP", "IN", "at", O),
    ("the", 7, "det", "DET", "DT", "the", O),
    ("Metro", 7, "compound", "PROPN", "NNP", "Metro", "B-ORG"),
    ("Convention", 7, "compound", "PROPN", "NNP", "Convention", "I-ORG"),
    ("Centre", 3, "pobj", "PROPN", "NNP", "Centre", "I-ORG"),
    (".", 1, "punct", "PUNCT", ".", ".", O),
]

# The Carter Center said it.  (a centre that speaks is an organisation)
CENTER_SAID = [
    ("The", 2, "det", "DET", "DT", "the", O),
    ("Carter", 2, "compound", "PROPN", "NNP", "Carter", "B-ORG"),
    ("Center", 3, "nsubj", "PROPN", "NNP", "Center", "I-ORG"),
    ("said", 3, "ROOT", "VERB", "VBD", "say", O),
    ("it", 3, "dobj", "PRON", "PRP", "it", O),
    (".", 3, "punct", "PUNCT", ".", ".", O),
]


def test_a_centre_where_something_takes_place_is_a_venue_and_one_that_speaks_an_organisation():
    assert typed(AT_THE_CENTRE) == [("Place", "Metro Convention Centre")]
    assert typed(CENTER_SAID) == [("Organization", "Carter Center")]


def test_what_the_text_calls_a_group_is_an_organisation_wherever_ner_puts_it():
    first = flat(("a", O, "DT"), ("group", O, "NN"), ("called", O, "VBN"), ("the", O, "DT"), ("Sea", "B-LOC"),
                 ("Org", "I-LOC"), ("grew", O, "VBD"), (".", O, "."))
    later = flat(("the", O, "DT"), ("Sea", "B-LOC"), ("Org", "I-LOC"), ("left", O, "VBD"), (".", O, "."))
    third = flat(("the", O, "DT"), ("Sea", "B-LOC"), ("Org", "I-LOC"), ("stayed", O, "VBD"), (".", O, "."))
    assert typed(first, later, third) == [("Organization", "Sea Org")]


def test_two_given_names_tagged_as_an_organisation_stay_one():
    rows = flat(("Morgan", "B-ORG"), ("Stanley", "I-ORG"), ("paid", O, "VBD"), (".", O, "."))
    assert typed(rows) == [("Organization", "Morgan Stanley")]


def test_a_capitalised_descriptor_before_a_full_name_stays_out_of_it():
    rows = [
        ("Then", 4, "advmod", "ADV", "RB", "then", O),
        ("Democrat", 3, "compound", "PROPN", "NNP", "Democrat", O),
        ("Joe", 3, "compound", "PROPN", "NNP", "Joe", "B-PERSON"),
        ("Manchin", 4, "nsubj", "PROPN", "NNP", "Manchin", "I-PERSON"),
        ("won", 4, "ROOT", "VERB", "VBD", "win", O),
        (".", 4, "punct", "PUNCT", ".", ".", O),
    ]
    assert typed(rows) == [("Person", "Joe Manchin")]


def test_a_place_shouted_in_a_dateline_is_named_in_ordinary_case():
    rows = flat(("DALLAS", "B-GPE"), ("—", O, ":"), ("Prices", O, "NNS"), ("rose", O, "VBD"), (".", O, "."))
    [dallas] = entities_of(rows)
    assert (dallas.type, dallas.name, dallas.aliases) == ("Place", "Dallas", ("DALLAS",))


def test_an_acronym_of_a_measure_or_a_law_is_not_an_organisation():
    rows = flat(("The", O, "DT"), ("Consumer", O), ("Price", O), ("Index", O), ("(", O, "-LRB-"), ("CPI", O),
                (")", O, "-RRB-"), ("and", O, "CC"), ("the", O, "DT"), ("Affordable", O), ("Care", O), ("Act", O),
                ("(", O, "-LRB-"), ("ACA", O), (")", O, "-RRB-"), ("rose", O, "VBD"), (".", O, "."))
    assert typed(rows) == []


def test_a_quoted_title_after_called_is_no_entity():
    rows = flat(("a", O, "DT"), ("play", O, "NN"), ("called", O, "VBN"), ("“", O, "``"), ("Sons", "B-PERSON"),
                ("of", "I-PERSON", "IN"), ("Smith", "I-PERSON"), ("”", O, "''"), ("opened", O, "VBD"), (".", O, "."))
    assert typed(rows) == []


def test_a_bare_surname_goes_to_a_name_that_opens_with_a_given_name():
    first = flat(("Donald", "B-PERSON"), ("Trump", "I-PERSON"), ("spoke", O, "VBD"), (".", O, "."))
    other = flat(("Los", "B-PERSON"), ("Hijos", "I-PERSON"), ("de", "I-PERSON", "FW"), ("Trump", "I-PERSON"),
                 ("played", O, "VBD"), (".", O, "."))
    later = flat(("Trump", "B-PERSON"), ("laughed", O, "VBD"), (".", O, "."))
    by_name = {e.name: e for e in entities_of(first, other, later)}
    assert by_name["Donald Trump"].aliases == ("Trump",)


# Uyghurs and other Muslim groups were detained.  (NER: Uyghurs = ORG)
UYGHURS_AND_GROUPS = [
    ("Uyghurs", 6, "nsubjpass", "PROPN", "NNP", "Uyghurs", "B-ORG"),
    ("and", 0, "cc", "CCONJ", "CC", "and", O),
    ("other", 4, "amod", "ADJ", "JJ", "other", O),
    ("Muslim", 4, "amod", "ADJ", "JJ", "Muslim", "B-NORP"),
    ("groups", 0, "conj", "NOUN", "NNS", "group", O),
    ("were", 6, "auxpass", "AUX", "VBD", "be", O),
    ("detained", 6, "ROOT", "VERB", "VBN", "detain", O),
    (".", 6, "punct", "PUNCT", ".", ".", O),
]


def test_a_plural_name_coordinated_with_groups_of_people_is_a_group():
    assert typed(UYGHURS_AND_GROUPS) == [("Group", "Uyghurs")]
