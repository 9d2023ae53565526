"""Full-text search (events/search.py) on whichever database the suite runs on: SQLite FTS5 or PostgreSQL."""

import pytest

from events import search
from events.models import Event, Mention


def found(text: str) -> set[str]:
    return set(Event.objects.published().matching(text).values_list("title", flat=True))


@pytest.fixture
def summit(make_event):
    return make_event(title="Tokayev opens the summit in Astana", location="Astana")


def test_words_in_any_order_and_any_case(summit):
    assert found("Tokayev summit") == {summit.title}
    assert found("SUMMIT tokayev") == {summit.title}
    assert found("Tokayev Minsk") == set()


def test_hyphens_inside_words_are_spaces_both_ways(make_event):
    make_event(title="Secretary-General met the minister")
    make_event(title="The Secretary General spoke")
    assert len(found("Secretary-General")) == 2
    assert len(found("secretary general")) == 2
    assert len(found("Secretary‑General")) == 2  # a non-breaking hyphen too


def test_english_words_are_stemmed(make_event):
    make_event(title="Joint exercises of the rapid reaction forces")
    assert found("exercise") == {"Joint exercises of the rapid reaction forces"}


def test_cyrillic_words_are_indexed(make_event):
    make_event(title="Заседание Совета коллективной безопасности ОДКБ", location="Москва")
    assert found("совета") == {"Заседание Совета коллективной безопасности ОДКБ"}
    assert found("ОДКБ заседание") == {"Заседание Совета коллективной безопасности ОДКБ"}


def test_a_word_only_in_the_dating_sentence_or_the_release_is_found(make_event, make_release, make_mention):
    event = make_event(title="Anniversary of the agreement")
    release = make_release(title="Thirty years on", body="The treaty was prepared in the Belovezhskaya Pushcha.")
    make_mention(event=event, release=release, evidence="It was signed near Viskuli on 8 December.")
    assert found("Viskuli") == {event.title}
    assert found("Belovezhskaya") == {event.title}


def test_phrase_negation_and_or(make_event):
    make_event(title="Council of Foreign Ministers met in Minsk", location="Minsk")
    make_event(title="Council of Defence Ministers met in Yerevan", location="Yerevan")
    assert found('"foreign ministers"') == {"Council of Foreign Ministers met in Minsk"}
    assert found("council -minsk") == {"Council of Defence Ministers met in Yerevan"}
    assert len(found("minsk or yerevan")) == 2
    assert found('"ministers council"') == set()


def test_query_syntax_characters_are_words_not_syntax(make_event):
    make_event(title="Talks on NEAR AND NOT")
    for text in ['"', "*", "NEAR(", "a:b", "(", "^x", "'", "--", "- -", "or"]:
        Event.objects.published().matching(text).count()  # no error, whatever it finds


def test_places_old_names_find_the_city(make_event):
    event = make_event(title="Meeting of the Council", location="Nur-Sultan")
    assert (event.place, event.country) == ("Astana", "Kazakhstan")
    assert found("Akmola") == {event.title}
    assert found("astana") == {event.title}


def test_ranking_puts_title_matches_first(make_event, make_release, make_mention):
    in_title = make_event(title="Exercise Interaction in Belarus")
    elsewhere = make_event(title="Meeting of the staff")
    make_mention(event=elsewhere, release=make_release(body="The staff discussed Interaction."))
    ranked = list(Event.objects.published().matching("interaction").ranked("interaction").order_by("-relevance"))
    assert ranked == [in_title, elsewhere]


def test_index_follows_saves_updates_and_bulk_updates(make_event):
    event = make_event(title="Consultations in Dushanbe")
    event.title = "Consultations in Bishkek"
    event.save()
    assert found("bishkek") == {event.title} and found("dushanbe") == set()
    Event.objects.filter(pk=event.pk).update(title="Briefing on Kant")
    assert found("kant") == {"Briefing on Kant"} and found("bishkek") == set()
    event.refresh_from_db()
    event.location = "Frunze"
    Event.objects.bulk_update([event], ["location"])
    assert found("bishkek") == {"Briefing on Kant"}
    assert Event.objects.get(pk=event.pk).place == "Bishkek"


def test_index_follows_mentions_added_and_removed(make_event, make_release, make_mention):
    event = make_event(title="A visit")
    mention = make_mention(event=event, release=make_release(), evidence="He arrived in Gyumri.")
    assert found("gyumri") == {"A visit"}
    Mention.objects.filter(pk=mention.pk).delete()
    assert found("gyumri") == set()


def test_deleted_events_leave_the_index(make_event):
    event = make_event(title="Draft about Osh", status="draft")
    event.delete()
    assert not Event.objects.matching("osh").exists()


def test_did_you_mean_suggests_a_known_word(make_event):
    make_event(title="Exercise in Kazakhstan", location="Kazakhstan")
    assert found("Kazakstan") == set()
    assert search.suggest("Kazakstan exercise") == "kazakhstan exercise"
    assert search.suggest("kazakhstan") == ""
    assert search.suggest("zzzzzz") == ""


def test_parse_reads_the_web_search_grammar():
    assert search.parse('Tokayev "summit of leaders" -Minsk or Yerevan') == [
        search.Term(("tokayev",)),
        search.Term(("summit", "of", "leaders")),
        search.Term(("minsk",), negated=True),
        search.Term(("yerevan",), either=True, prefix=True),  # the last word: also a beginning
    ]
    assert search.parse("Secretary-General") == [
        search.Term(("secretary",)),
        search.Term(("general",), prefix=True),
    ]


def test_refresh_command_recomputes_places_and_documents(make_event):
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    event = make_event(title="Talks", location="Alma-Ata")
    with connection.cursor() as cursor:  # as if the gazetteer had not known the city
        cursor.execute("UPDATE events_event SET place = '', country = ''")
    out = StringIO()
    call_command("refresh_places_and_search", stdout=out)
    assert "1 events refreshed; 1 have a place." in out.getvalue()
    assert Event.objects.get(pk=event.pk).place == "Almaty"


def test_the_last_word_also_finds_words_it_begins(make_event):
    make_event(title="Consultations in Moscow", location="Moscow")
    make_event(title="Border security talks")
    make_event(title="Talks on the summit")
    assert found("mos") == {"Consultations in Moscow"}
    assert found("border secur") == {"Border security talks"}
    assert found("secu border") == set()  # only the last word is a beginning
    assert found("talks -summ") == {"Border security talks", "Talks on the summit"}  # a left-out word is whole
    assert found("mo") == set()  # too short to be a beginning worth matching
    assert found('"moscow"') == {"Consultations in Moscow"}


def test_tsquery_reads_the_grammar_with_the_last_word_as_a_beginning():
    assert search.tsquery(search.parse('tokayev "joint staff" -draft or mos')) == (
        "('tokayev') & ('joint' <-> 'staff') & !('draft') | ('mos':*)"
    )
    assert search.tsquery(search.parse("it's")) == "('it' <-> 's')"  # one written word: a phrase, as websearch reads it


def test_a_last_word_that_is_a_word_of_the_titles_is_matched_as_a_word(make_event):
    make_event(title="Summit of leaders")
    make_event(title="Summitry in the capitals")
    assert found("summit") == {"Summit of leaders"}  # a word of the titles: the word (and its stems)
    assert found("summi") == {"Summit of leaders", "Summitry in the capitals"}  # a beginning
    assert found("leaders summ") == {"Summit of leaders"}
