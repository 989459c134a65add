"""Entity and affiliation rules for the forms newsrooms write, on hand-parsed sentences (no model).

Each sentence is made up for the form it tests: a title fused to a name, an organisation written
before a role and a name, copular and naming predicates, organisations referred to by a noun,
ages, kinds of place, abbreviated states.
"""
from kg.extract import affiliations as affiliation_rules
from kg.extract.entities import mentions
from kg.resolve import resolve
from tests.handmade import O, article_from
from tests.test_entity_rules import flat, typed


def members_of(*paragraph_rows):
    article, paragraphs = article_from(*paragraph_rows)
    index = resolve(mentions(paragraphs), text=article.text)
    return index, [(a.person, a.organization, a.role)
                   for a in affiliation_rules.affiliations(article, paragraphs, index)]


# Delays grew, said Jackson Hewitt spokeswoman Dana Reyes.  (a given name and a surname: the company's name)
PRENOMINAL = [
    ("Delays", 1, "nsubj", "NOUN", "NNS", "delay", O),
    ("grew", 3, "ccomp", "VERB", "VBD", "grow", O),
    (",", 3, "punct", "PUNCT", ",", ",", O),
    ("said", 3, "ROOT", "VERB", "VBD", "say", O),
    ("Jackson", 5, "compound", "PROPN", "NNP", "Jackson", "B-ORG"),
    ("Hewitt", 6, "compound", "PROPN", "NNP", "Hewitt", "I-ORG"),
    ("spokeswoman", 8, "compound", "NOUN", "NN", "spokeswoman", O),
    ("Dana", 8, "compound", "PROPN", "NNP", "Dana", "B-PERSON"),
    ("Reyes", 3, "nsubj", "PROPN", "NNP", "Reyes", "I-PERSON"),
    (".", 3, "punct", "PUNCT", ".", ".", O),
]


def test_an_organisation_before_a_role_and_a_name_is_no_person_and_employs_them():
    index, members = members_of(PRENOMINAL)
    assert sorted((e.type, e.name) for e in index.entities) == [("Organization", "Jackson Hewitt"),
                                                               ("Person", "Dana Reyes")]
    assert members == [("Person/dana-reyes", "Organization/jackson-hewitt", "spokeswoman")]


# Harbor Patrol Sgt. Ann Cole left.  (NER ran the rank into the organisation)
HARBOR_PATROL = [
    ("Harbor", 1, "compound", "PROPN", "NNP", "Harbor", "B-ORG"),
    ("Patrol", 2, "compound", "PROPN", "NNP", "Patrol", "I-ORG"),
    ("Sgt", 5, "compound", "PROPN", "NNP", "Sgt", "I-ORG"),
    (".", 5, "compound", "PROPN", "NNP", ".", O),
    ("Ann", 5, "compound", "PROPN", "NNP", "Ann", "B-PERSON"),
    ("Cole", 6, "nsubj", "PROPN", "NNP", "Cole", "I-PERSON"),
    ("left", 6, "ROOT", "VERB", "VBD", "leave", O),
    (".", 6, "punct", "PUNCT", ".", ".", O),
]


def test_a_rank_ner_ran_into_an_organisation_is_the_persons_role():
    index, members = members_of(HARBOR_PATROL)
    assert sorted(e.name for e in index.entities) == ["Ann Cole", "Harbor Patrol"]
    assert members == [("Person/ann-cole", "Organization/harbor-patrol", "Sgt.")]


def test_a_title_ner_ran_into_a_name_is_no_part_of_it():
    rows = flat(("Academician", "B-PERSON"), ("Lev", "I-PERSON"), ("Orlov", "I-PERSON"), ("spoke", O, "VBD"),
                (".", O, "."))
    assert typed(rows) == [("Person", "Lev Orlov")]
    rows = flat(("Fire", "B-PERSON"), ("Captain", "I-PERSON"), ("Orlov", "I-PERSON"), ("spoke", O, "VBD"),
                (".", O, "."))
    assert typed(rows) == [("Person", "Orlov")]


def test_a_given_name_that_is_also_a_rank_stays_before_a_lone_surname():
    rows = flat(("Major", "B-PERSON"), ("Garrett", "I-PERSON"), ("asked", O, "VBD"), (".", O, "."))
    assert typed(rows) == [("Person", "Major Garrett")]


# Lund is correspondent for The Daily Planet.
COPULAR = [
    ("Lund", 1, "nsubj", "PROPN", "NNP", "Lund", "B-PERSON"),
    ("is", 1, "ROOT", "AUX", "VBZ", "be", O),
    ("correspondent", 1, "attr", "NOUN", "NN", "correspondent", O),
    ("for", 2, "prep", "ADP", "IN", "for", O),
    ("The", 6, "det", "DET", "DT", "the", "B-ORG"),
    ("Daily", 6, "compound", "PROPN", "NNP", "Daily", "I-ORG"),
    ("Planet", 3, "pobj", "PROPN", "NNP", "Planet", "I-ORG"),
    (".", 1, "punct", "PUNCT", ".", ".", O),
]


def test_a_copular_role_for_an_organisation_is_an_affiliation():
    _, members = members_of(COPULAR)
    assert members == [("Person/lund", "Organization/daily-planet", "correspondent")]


# Mia Ross works for Acme Corp.
WORKS_FOR = [
    ("Mia", 1, "compound", "PROPN", "NNP", "Mia", "B-PERSON"),
    ("Ross", 2, "nsubj", "PROPN", "NNP", "Ross", "I-PERSON"),
    ("works", 2, "ROOT", "VERB", "VBZ", "work", O),
    ("for", 2, "prep", "ADP", "IN", "for", O),
    ("Acme", 5, "compound", "PROPN", "NNP", "Acme", "B-ORG"),
    ("Corp", 3, "pobj", "PROPN", "NNP", "Corp", "I-ORG"),
    (".", 2, "punct", "PUNCT", ".", ".", O),
]


def test_working_for_an_organisation_is_an_affiliation_without_a_role():
    _, members = members_of(WORKS_FOR)
    assert members == [("Person/mia-ross", "Organization/acme-corp", None)]


# The Transit Agency grew.  /  Jo Hale, a spokeswoman for the agency, spoke.
TRANSIT = flat(("The", O, "DT"), ("Transit", "B-ORG"), ("Agency", "I-ORG"), ("grew", O, "VBD"), (".", O, "."))
FOR_THE_AGENCY = [
    ("Jo", 1, "compound", "PROPN", "NNP", "Jo", "B-PERSON"),
    ("Hale", 9, "nsubj", "PROPN", "NNP", "Hale", "I-PERSON"),
    (",", 1, "punct", "PUNCT", ",", ",", O),
    ("a", 4, "det", "DET", "DT", "a", O),
    ("spokeswoman", 1, "appos", "NOUN", "NN", "spokeswoman", O),
    ("for", 4, "prep", "ADP", "IN", "for", O),
    ("the", 7, "det", "DET", "DT", "the", O),
    ("agency", 5, "pobj", "NOUN", "NN", "agency", O),
    (",", 1, "punct", "PUNCT", ",", ",", O),
    ("spoke", 9, "ROOT", "VERB", "VBD", "speak", O),
    (".", 9, "punct", "PUNCT", ".", ".", O),
]


def test_the_agency_refers_back_to_the_agency_named_before():
    _, members = members_of(TRANSIT, FOR_THE_AGENCY)
    assert members == [("Person/jo-hale", "Organization/transit-agency", "spokeswoman")]


def test_a_noun_with_no_organisation_named_before_links_nothing():
    _, members = members_of(FOR_THE_AGENCY)
    assert members == [("Person/jo-hale", None, "spokeswoman")]


def test_a_name_with_an_age_in_commas_is_a_person():
    rows = flat(("Brandt", "B-ORG"), (",", O, ","), ("45", "B-DATE", "CD"), (",", O, ","), ("was", O, "VBD"),
                ("freed", O, "VBN"), (".", O, "."))
    assert typed(rows) == [("Person", "Brandt")]


def test_a_name_a_place_noun_ends_is_a_place_but_a_school_district_is_an_organisation():
    rows = flat(("Ban", "B-PERSON"), ("Khok", "I-PERSON"), ("District", "I-PERSON"), ("flooded", O, "VBD"),
                (".", O, "."))
    assert typed(rows) == [("Place", "Ban Khok District")]
    rows = flat(("Lake", "B-ORG"), ("School", "I-ORG"), ("District", "I-ORG"), ("closed", O, "VBD"), (".", O, "."))
    assert typed(rows) == [("Organization", "Lake School District")]


def test_an_abbreviated_state_after_a_city_is_part_of_its_name():
    rows = flat(("He", O, "PRP"), ("lives", O, "VBZ"), ("in", O, "IN"), ("Rockville", "B-GPE"), (",", O, ","),
                ("Md.", "B-GPE"), ("now", O, "RB"), (".", O, "."))
    rockville, maryland = entities_of_rows(rows)  # the state is a place of its own, as "Texas" in "Irving, Texas"
    assert (rockville.type, rockville.name, rockville.aliases) == ("Place", "Rockville", ("Rockville, Md.",))
    assert (maryland.type, maryland.name) == ("Place", "Md.")


def entities_of_rows(*paragraph_rows):
    article, paragraphs = article_from(*paragraph_rows)
    return resolve(mentions(paragraphs), text=article.text).entities


# Republicans in Iowa blasted the GOP.  (NER: Republicans = NORP, Iowa = GPE, GOP = ORG)
REPUBLICANS = flat(("Republicans", "B-NORP", "NNPS"), ("in", O, "IN"), ("Iowa", "B-GPE"), ("blasted", O, "VBD"),
                   ("the", O, "DT"), ("GOP", "B-ORG"), (".", O, "."))


def test_a_partys_nickname_and_its_members_plural_are_one_organisation_named_in_full():
    by_name = {e.name: e for e in entities_of_rows(REPUBLICANS)}
    party = by_name["Republican Party"]
    assert (party.type, party.aliases) == ("Organization", ("GOP", "Republicans"))


def test_a_form_several_countries_share_is_left_alone_where_the_article_names_no_country():
    rows = flat(("The", O, "DT"), ("Senate", "B-ORG"), ("voted", O, "VBD"), (".", O, "."))
    assert typed(rows) == [("Organization", "Senate")]
    in_ohio = flat(("The", O, "DT"), ("Senate", "B-ORG"), ("voted", O, "VBD"), ("in", O, "IN"), ("Ohio", "B-GPE"),
                   (".", O, "."))
    assert typed(in_ohio) == [("Organization", "United States Senate"), ("Place", "Ohio")]


# Democratic Sen. Ann Lowe of Ohio spoke.
DEMOCRATIC_SENATOR = [
    ("Democratic", 3, "amod", "ADJ", "JJ", "democratic", "B-NORP"),
    ("Sen.", 3, "compound", "PROPN", "NNP", "Sen.", O),
    ("Ann", 3, "compound", "PROPN", "NNP", "Ann", "B-PERSON"),
    ("Lowe", 6, "nsubj", "PROPN", "NNP", "Lowe", "I-PERSON"),
    ("of", 3, "prep", "ADP", "IN", "of", O),
    ("Ohio", 4, "pobj", "PROPN", "NNP", "Ohio", "B-GPE"),
    ("spoke", 6, "ROOT", "VERB", "VBD", "speak", O),
    (".", 6, "punct", "PUNCT", ".", ".", O),
]


def test_a_partys_adjective_before_a_title_and_a_name_is_an_affiliation():
    index, members = members_of(DEMOCRATIC_SENATOR)
    assert ("Organization", "Democratic Party") in {(e.type, e.name) for e in index.entities}
    assert members == [("Person/ann-lowe", "Organization/democratic-party", "Sen.")]


def test_a_partys_adjective_is_no_entity_where_it_names_no_institution_of_the_article():
    rows = [(w, h, d, p, t, lemma, "B-NORP" if w == "Democratic" else e) for w, h, d, p, t, lemma, e in
            DEMOCRATIC_SENATOR[:4]] + [("spoke", 4, "ROOT", "VERB", "VBD", "speak", O), (".", 4, "punct", "PUNCT", ".", ".", O)]
    rows = [(w, h if h < 4 else 4, d, p, t, lemma, e) for w, h, d, p, t, lemma, e in rows]
    rows[3] = ("Lowe", 4, "nsubj", "PROPN", "NNP", "Lowe", "I-PERSON")
    assert typed(rows) == [("Person", "Ann Lowe")]


def test_a_lone_surname_joins_the_one_person_of_that_surname_a_corpus_knows():
    from kg.model import Article, ArticleGraph, Entity, Evidence, Statement
    from kg.resolve import join_known_entities

    kerry = Entity("kerry", "Person", "Kerry", ("Mr. Kerry",))
    said = Statement("Person/kerry", "Mr. Kerry", "said", "say", "it was close", "indirect", 15, 27,
                     Evidence(0, 28, "Mr. Kerry said it was close."), mentions=("Person/kerry",))
    graph = ArticleGraph(Article("b", "Mr. Kerry said it was close."), (kerry,), (said,))
    joined = join_known_entities(graph, lambda kind, word, at: {"John Kerry", "Paul Wordkerry"})
    assert [(e.ref, e.aliases) for e in joined.entities] == [("Person/john-kerry", ("Kerry", "Mr. Kerry"))]
    assert (joined.statements[0].speaker, joined.statements[0].mentions) == ("Person/john-kerry", ("Person/john-kerry",))
    assert join_known_entities(graph, lambda kind, word, at: {"John Kerry", "Teresa Kerry"}) == graph


def test_a_person_of_an_organisation_is_its_member_whatever_the_parse():
    rows = flat(("said", O, "VBD"), ("Lt.", O), ("Ann", "B-PERSON"), ("Cole", "I-PERSON"), ("of", O, "IN"),
                ("the", O, "DT"), ("Harbor", "B-ORG"), ("Patrol", "I-ORG"), (".", O, "."))
    _, members = members_of(rows)
    assert members == [("Person/ann-cole", "Organization/harbor-patrol", "Lt.")]
    in_ohio = flat(("Ann", "B-PERSON"), ("Cole", "I-PERSON"), ("of", O, "IN"), ("Ohio", "B-GPE"), ("spoke", O, "VBD"),
                   (".", O, "."))
    assert members_of(in_ohio)[1] == []  # a place is no employer


def test_an_organisation_and_a_capitalised_title_before_a_name_whatever_the_parse():
    rows = flat(("Health", "B-ORG"), ("Services", "I-ORG"), ("Inspector", O), ("Ann", "B-PERSON"), ("Cole", "I-PERSON"),
                ("spoke", O, "VBD"), (".", O, "."))
    _, members = members_of(rows)
    assert members == [("Person/ann-cole", "Organization/health-services", "Inspector")]


# Acme Co. of Dover grew, said Jo Hale, a company official.
COMPANY_OFFICIAL = [
    ("Acme", 1, "compound", "PROPN", "NNP", "Acme", "B-ORG"),
    ("Co.", 5, "nsubj", "PROPN", "NNP", "Co.", "I-ORG"),
    ("of", 1, "prep", "ADP", "IN", "of", O),
    ("Dover", 2, "pobj", "PROPN", "NNP", "Dover", "B-ORG"),
    ("grew", 5, "ccomp", "VERB", "VBD", "grow", O),
    ("said", 5, "ROOT", "VERB", "VBD", "say", O),
    ("Jo", 7, "compound", "PROPN", "NNP", "Jo", "B-PERSON"),
    ("Hale", 5, "nsubj", "PROPN", "NNP", "Hale", "I-PERSON"),
    (",", 7, "punct", "PUNCT", ",", ",", O),
    ("a", 11, "det", "DET", "DT", "a", O),
    ("company", 11, "compound", "NOUN", "NN", "company", O),
    ("official", 7, "appos", "NOUN", "NN", "official", O),
    (".", 5, "punct", "PUNCT", ".", ".", O),
]


def test_a_company_official_works_for_the_company_just_named_and_its_seat_is_a_place():
    index, members = members_of(COMPANY_OFFICIAL)
    assert ("Place", "Dover") in {(e.type, e.name) for e in index.entities}
    assert members == [("Person/jo-hale", "Organization/acme-co", "company official")]


def test_a_description_refers_to_the_person_whose_role_is_written_beside_the_name():
    from kg.extract.discourse import Discourse
    from kg.extract.statements import statements

    first = flat(("Sen.", O), ("Ann", "B-PERSON"), ("Lowe", "I-PERSON"), ("spoke", O, "VBD"), (".", O, "."))
    # Then the senator said the bill failed.
    later = [
        ("Then", 3, "advmod", "ADV", "RB", "then", O),
        ("the", 2, "det", "DET", "DT", "the", O),
        ("senator", 3, "nsubj", "NOUN", "NN", "senator", O),
        ("said", 3, "ROOT", "VERB", "VBD", "say", O),
        ("the", 5, "det", "DET", "DT", "the", O),
        ("bill", 6, "nsubj", "NOUN", "NN", "bill", O),
        ("failed", 3, "ccomp", "VERB", "VBD", "fail", O),
        (".", 3, "punct", "PUNCT", ".", ".", O),
    ]
    article, paragraphs = article_from(first, later)
    index = resolve(mentions(paragraphs), text=article.text)
    [said] = statements(article, paragraphs, Discourse(index, article.text))
    assert (said.speaker, said.speaker_text, said.content) == ("Person/ann-lowe", "the senator", "the bill failed")
    # the same words with no senator named before: an unnamed speaker
    article, paragraphs = article_from(later)
    index = resolve(mentions(paragraphs), text=article.text)
    [said] = statements(article, paragraphs, Discourse(index, article.text))
    assert said.speaker is None


def test_works_and_events_are_no_actors():
    novel = flat(("her", O, "PRP$"), ("novel", O, "NN"), ("Angel", "B-PERSON"), ("Catbird", "I-PERSON"),
                 ("sold", O, "VBD"), (".", O, "."))
    novel[1] = ("novel", 2, "compound", "NOUN", "NN", "novel", O)
    assert typed(novel) == []
    fair = flat(("the", O, "DT"), ("Google", "B-ORG"), ("Science", "I-ORG"), ("Fair", "I-ORG"), ("opened", O, "VBD"),
                (".", O, "."))
    assert typed(fair) == []
    company = flat(("Epic", "B-ORG"), ("Games", "I-ORG"), ("sued", O, "VBD"), (".", O, "."))
    assert typed(company) == [("Organization", "Epic Games")]


def test_a_name_after_a_capital_the_inside_a_sentence_is_a_title_not_a_person():
    rows = flat(("It", O, "PRP"), ("was", O, "VBD"), ("in", O, "IN"), ("The", O, "DT"), ("Onion", "B-PERSON"),
                (".", O, "."))
    assert typed(rows) == [("Organization", "Onion")]


def test_a_station_is_a_place_but_a_person_named_hall_is_a_person():
    assert typed(flat(("McMurdo", "B-PERSON"), ("Station", "I-PERSON"), ("froze", O, "VBD"), (".", O, "."))) == [
        ("Place", "McMurdo Station")]
    assert typed(flat(("Jennifer", "B-PERSON"), ("Hall", "I-PERSON"), ("froze", O, "VBD"), (".", O, "."))) == [
        ("Person", "Jennifer Hall")]


def test_an_acronym_is_a_name_even_where_the_text_has_the_word_in_lower_case():
    rows = flat(("Let", O, "VB"), ("us", O, "PRP"), ("go", O, "VB"), ("to", O, "IN"), ("the", O, "DT"),
                ("US", "B-GPE"), (".", O, "."))
    assert typed(rows) == [("Place", "US")]


def test_two_people_ner_ran_into_one_name_are_two():
    rows = flat(("Jane", "B-PERSON"), ("Roe", "I-PERSON"), ("and", "I-PERSON", "CC"), ("John", "I-PERSON"),
                ("Doe", "I-PERSON"), ("met", O, "VBD"), (".", O, "."))
    assert typed(rows) == [("Person", "Jane Roe"), ("Person", "John Doe")]
    pollsters = flat(("Newsmax", "B-ORG"), ("/", "I-ORG", "SYM"), ("Zogby", "I-ORG"), ("polled", O, "VBD"), (".", O, "."))
    assert typed(pollsters) == [("Organization", "Newsmax"), ("Organization", "Zogby")]
    company = flat(("Procter", "B-ORG"), ("and", "I-ORG", "CC"), ("Gamble", "I-ORG"), ("grew", O, "VBD"), (".", O, "."))
    assert typed(company) == [("Organization", "Procter and Gamble")]


# Crowds filled London. The government said no.
LONDON = flat(("Crowds", O, "NNS"), ("filled", O, "VBD"), ("London", "B-GPE"), (".", O, "."))
THE_GOVERNMENT = [
    ("The", 1, "det", "DET", "DT", "the", O),
    ("government", 2, "nsubj", "NOUN", "NN", "government", O),
    ("said", 2, "ROOT", "VERB", "VBD", "say", O),
    ("no", 2, "dobj", "ADV", "RB", "no", O),
    (".", 2, "punct", "PUNCT", ".", ".", O),
]


def test_the_government_is_the_government_of_the_country_the_article_is_in():
    by_name = {e.name: e for e in entities_of_rows(LONDON, THE_GOVERNMENT)}
    assert by_name["Government of the United Kingdom"].aliases == ("The government",)
    assert [e.name for e in entities_of_rows(THE_GOVERNMENT)] == []  # whose? the article does not say


# Jo Hale, the former director of the Transit Agency, spoke.
FORMER = [
    ("Jo", 1, "compound", "PROPN", "NNP", "Jo", "B-PERSON"),
    ("Hale", 12, "nsubj", "PROPN", "NNP", "Hale", "I-PERSON"),
    (",", 1, "punct", "PUNCT", ",", ",", O),
    ("the", 5, "det", "DET", "DT", "the", O),
    ("former", 5, "amod", "ADJ", "JJ", "former", O),
    ("director", 1, "appos", "NOUN", "NN", "director", O),
    ("of", 5, "prep", "ADP", "IN", "of", O),
    ("the", 9, "det", "DET", "DT", "the", O),
    ("Transit", 9, "compound", "PROPN", "NNP", "Transit", "B-ORG"),
    ("Agency", 6, "pobj", "PROPN", "NNP", "Agency", "I-ORG"),
    (",", 1, "punct", "PUNCT", ",", ",", O),
    ("today", 12, "npadvmod", "NOUN", "NN", "today", O),
    ("spoke", 12, "ROOT", "VERB", "VBD", "speak", O),
    (".", 12, "punct", "PUNCT", ".", ".", O),
]


def test_former_is_kept_apart_from_the_role_and_stated_in_the_graph():
    from kg.model import ArticleGraph
    from kg.rdf.build import build_graph
    from kg.rdf.shapes import validate
    from kg.rdf.vocab import KG, ORG, RDFS

    article, paragraphs = article_from(FORMER)
    index = resolve(mentions(paragraphs), text=article.text)
    [member] = affiliation_rules.affiliations(article, paragraphs, index)
    assert (member.organization, member.role, member.former) == ("Organization/transit-agency", "director", True)
    graph = build_graph([ArticleGraph(article, index.entities, affiliations=(member,))])
    [membership] = graph.subjects(KG.former, None)
    assert str(graph.value(graph.value(membership, ORG.role), RDFS.label)) == "director"
    assert validate(graph).conforms


def test_an_organisation_named_short_or_with_its_number_spelled_joins_the_one_the_corpus_knows():
    from kg.model import Article, ArticleGraph, Entity
    from kg.resolve import join_known_entities

    graph = ArticleGraph(Article("c", "Channel Four and Acme grew."), (
        Entity("channel-four", "Organization", "Channel Four"), Entity("acme", "Organization", "Acme")))
    known = {"channel": {"Channel 4", "Channel 5"}, "acme": {"Acme Inc", "Acme Bridge Club"}}
    joined = join_known_entities(graph, lambda kind, word, at: known.get(word.lower(), set()))
    assert [(e.name, e.aliases) for e in joined.entities] == [("Channel 4", ("Channel Four",)), ("Acme Inc", ("Acme",))]
    known["acme"].add("Acme Corp")  # two companies could be meant: neither
    joined = join_known_entities(graph, lambda kind, word, at: known.get(word.lower(), set()))
    assert [e.name for e in joined.entities] == ["Channel 4", "Acme"]


def test_a_first_name_alone_is_a_person_but_a_city_or_a_word_named_so_stays_a_place():
    assert typed(flat(("Rebecca", "B-GPE"), ("and", O, "CC"), ("I", O, "PRP"), ("left", O, "VBD"), (".", O, "."))) == [
        ("Person", "Rebecca")]
    assert typed(flat(("Florence", "B-GPE"), ("grew", O, "VBD"), (".", O, "."))) == [("Place", "Florence")]
    assert typed(flat(("America", "B-GPE"), ("grew", O, "VBD"), (".", O, "."))) == [("Place", "America")]


def test_a_verb_at_the_head_of_a_sentence_is_no_part_of_a_name():
    rows = flat(("Evaluating", "B-PERSON"), ("Juppe", "I-PERSON"), ("is", O, "VBZ"), ("hard", O, "JJ"), (".", O, "."))
    assert typed(rows) == [("Person", "Juppe")]


def test_a_hyphenated_given_name_and_a_surname_tagged_as_an_organisation_is_a_person():
    rows = flat(("Jean", "B-ORG"), ("-", "I-ORG", "HYPH"), ("Luc", "I-ORG"), ("Bastien", "I-ORG"), ("owns", O, "VBZ"),
                ("it", O, "PRP"), (".", O, "."))
    assert typed(rows)[0][0] == "Person"


def test_a_nationality_adjective_is_no_entity_and_its_plural_is_a_people():
    assert typed(flat(("a", O, "DT"), ("Guatemalan", "B-ORG"), ("citizen", O, "NN"), ("spoke", O, "VBD"),
                      (".", O, "."))) == []
    assert typed(flat(("Guatemalans", "B-GPE", "NNPS"), ("voted", O, "VBD"), (".", O, "."))) == [
        ("Group", "Guatemalans")]


def test_an_acronym_before_a_hyphenated_title_and_a_name_is_the_organisation():
    rows = flat(("He", O, "PRP"), ("met", O, "VBD"), ("U.N.", "B-ORG"), ("Secretary", O), ("-", O, "HYPH"),
                ("General", O), ("Ann", "B-PERSON"), ("Lowe", "I-PERSON"), (".", O, "."))
    index, members = members_of(rows)
    assert members == [("Person/ann-lowe", "Organization/united-nations", "Secretary - General")]


def test_a_place_opened_by_a_place_word_or_governed_by_a_place_noun_is_a_place():
    assert typed(flat(("Port", "B-ORG"), ("Nolloth", "I-ORG"), ("grew", O, "VBD"), (".", O, "."))) == [
        ("Place", "Port Nolloth")]
    assert typed(flat(("Port", "B-ORG"), ("Authority", "I-ORG"), ("grew", O, "VBD"), (".", O, "."))) == [
        ("Organization", "Port Authority")]
    # the district of Arhiba
    rows = [("the", 1, "det", "DET", "DT", "the", O), ("district", 1, "ROOT", "NOUN", "NN", "district", O),
            ("of", 1, "prep", "ADP", "IN", "of", O), ("Arhiba", 2, "pobj", "PROPN", "NNP", "Arhiba", "B-ORG"),
            (".", 1, "punct", "PUNCT", ".", ".", O)]
    assert typed(rows) == [("Place", "Arhiba")]


def test_an_organisation_is_also_named_without_the_country_before_it():
    rows = flat(("U.S.", "B-ORG"), ("Immigration", "I-ORG"), ("Service", "I-ORG"), ("agents", O, "NNS"),
                ("came", O, "VBD"), (".", O, "."))
    [service] = entities_of_rows(rows)
    assert (service.name, service.aliases) == ("U.S. Immigration Service", ("Immigration Service",))
    rows = flat(("Georgia", "B-ORG"), ("Power", "I-ORG"), ("Company", "I-ORG"), ("grew", O, "VBD"), (".", O, "."))
    assert entities_of_rows(rows)[0].aliases == ()


def test_a_party_and_state_designation_is_a_mention_of_the_party():
    from kg.extract.institutions import party_designations

    assert [(m.text, m.start, m.type) for m in party_designations("Harry Reid (D-Nev.) spoke.")] == [
        ("D", 12, "Organization")]
    assert [m.text for m in party_designations("Sen. Ted Cruz, R-Texas, spoke.")] == ["R"]
    assert party_designations("They landed on D-Day (D-Day).") == []  # "Day" is no state
    assert party_designations("Sanders (I-Vt.) spoke.") == []  # an independent: no party


def test_a_person_whose_last_word_ends_organisations_names_is_an_organisation():
    assert typed(flat(("Oberlin", "B-PERSON"), ("College", "I-PERSON"), ("grew", O, "VBD"), (".", O, "."))) == [
        ("Organization", "Oberlin College")]


def test_an_acronym_ner_took_for_a_person_is_an_organisation_but_initials_stay_a_person():
    assert typed(flat(("The", O, "DT"), ("CNTP", "B-PERSON"), ("feels", O, "VBZ"), ("so", O, "RB"), (".", O, "."))) == [
        ("Organization", "CNTP")]
    assert typed(flat(("JFK", "B-PERSON"), ("spoke", O, "VBD"), (".", O, "."))) == [("Person", "JFK")]


def test_an_acronym_ner_missed_as_the_subject_of_a_cue_is_an_organisation():
    # The CNTP feels that the plan failed.  (NER: nothing)
    rows = [("The", 1, "det", "DET", "DT", "the", O), ("CNTP", 2, "nsubj", "PROPN", "NNP", "CNTP", O),
            ("feels", 2, "ROOT", "VERB", "VBZ", "feel", O), ("that", 6, "mark", "SCONJ", "IN", "that", O),
            ("the", 5, "det", "DET", "DT", "the", O), ("plan", 6, "nsubj", "NOUN", "NN", "plan", O),
            ("failed", 2, "ccomp", "VERB", "VBD", "fail", O), (".", 2, "punct", "PUNCT", ".", ".", O)]
    assert typed(rows) == [("Organization", "CNTP")]
