"""Quote pairing on plain strings: curly, straight, nested, unclosed, apostrophes."""
from kg.article import paragraphs
from kg.extract.quotes import quote_spans


def inner(text):
    return [text[q.inner_start : q.inner_end] for q in quote_spans(text)]


def test_curly_quotes_pair_by_direction():
    assert inner("He said “we will win” and “they lost.”") == ["we will win", "they lost."]


def test_straight_quotes_pair_by_position():
    assert inner('She said "no way" today, then "maybe."') == ["no way", "maybe."]


def test_single_quotes_inside_double_are_not_boundaries():
    assert inner("“It is ‘serious’ and it’s bad,” he said.") == ["It is ‘serious’ and it’s bad,"]


def test_apostrophes_are_not_quotes():
    assert quote_spans("China’s rights record isn’t Beijing's business.") == []


def test_unclosed_quote_runs_to_paragraph_end_only():
    text = "Brooks stated “We must push her office.\nNext paragraph with “a closed one”."
    (start, end), second = paragraphs(text)
    first_quotes = quote_spans(text, start, end)
    assert [text[q.inner_start : q.inner_end] for q in first_quotes] == ["We must push her office."]
    assert first_quotes[0].closed is False
    assert [text[q.inner_start : q.inner_end] for q in quote_spans(text, *second)] == ["a closed one"]


def test_a_second_opening_mark_closes_the_unclosed_first():
    spans = quote_spans("“One never closed “Two closed” end")
    assert [s.closed for s in spans] == [False, True]


def test_paragraphs_skip_blank_lines_and_trim():
    text = "Title\n\n  First para. \n\nSecond"
    assert [text[s:e] for s, e in paragraphs(text)] == ["Title", "First para.", "Second"]


def test_typewriter_double_apostrophes_are_quote_marks():
    text = "''That wasn't a good way to treat me,'' he complained, and ``fine'' said she."
    assert inner(text) == ["That wasn't a good way to treat me,", "fine"]


def test_german_quotes_close_with_the_english_opening_mark():
    assert inner("Er sagte „Wir schaffen das“ und ging.") == ["Wir schaffen das"]
