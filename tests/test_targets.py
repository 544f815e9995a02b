"""Whom aimed words judge: speakers of attribution verbs, nearby actors, doubted words."""

from __future__ import annotations

import pytest

from framing.articles import Article
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.scoring import score_article
from framing.textlayer import analyse


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(default_lexicon())


def aimed(matcher: Matcher, text: str) -> dict[str, tuple[str, str]]:
    rec = score_article(analyse(Article(id="t", text=text, source="test")), matcher).record()
    return {h["term"]: (h["aimed_at"], h["direction"]) for h in rec["hits"] if "aimed_at" in h}  # type: ignore[union-attr]


def test_labels_follow_the_actor_next_to_them(matcher):
    assert aimed(matcher, "Der Autokrat Putin empfing die Gäste.")["Autokrat"] == ("Wladimir Putin", "critical")
    assert aimed(matcher, "Der Autokrat Selenskyj empfing die Gäste.")["Autokrat"] == ("Wolodymyr Selenskyj",
                                                                                       "aligned")
    # an actor far away in the sentence is not the target: the entry's own leaning stands
    far = aimed(matcher, "Die beiden Diktatoren trafen sich nach langen Vorbereitungen wieder einmal mit den "
                         "Gesandten aus den USA.")
    assert "Diktatoren" not in far


def test_attribution_verbs_judge_their_speaker(matcher):
    got = aimed(matcher, "Ein Beamter des Weißen Hauses drohte, Nordkorea werde einen Preis zahlen.")
    assert got["drohte"] == ("USA", "aligned")
    got = aimed(matcher, "Der Kremlsprecher Peskow behauptete, die Sanktionen seien wirkungslos.")
    assert got["behauptete"] == ("Dmitri Peskow", "critical")


def test_doubt_words_point_against_the_word_they_doubt(matcher):
    got = aimed(matcher, "Der Westen warnt vor einer angeblichen Invasion.")
    assert got["angeblichen"] == ("doubts „Invasion“", "aligned")
    assert got["Invasion"] == ("doubted by „angeblichen“", "none")


def relation(matcher: Matcher, text: str) -> dict[str, tuple[str, str, str, str]]:
    rec = score_article(analyse(Article(id="t", text=text, source="test")), matcher).record()
    return {h["term"]: (h["aimed_at"], h["direction"], h["aimed_relation"], h["aimed_confidence"])  # type: ignore[index]
            for h in rec["hits"] if "aimed_at" in h}  # type: ignore[union-attr]


def test_targets_come_from_grammatical_relations_not_distance(matcher):
    # the subject of the verb, not the victim next to it
    got = relation(matcher, "Russische Raketen terrorisieren die Zivilbevölkerung in Kiew.")
    assert got["terrorisieren"][:3] == ("Russland", "critical", "subject")
    # the genitive attribute, not the object of "gegen"
    got = relation(matcher, "Die Provokationen Nordkoreas gegen Südkorea nehmen zu.")
    assert got["Provokationen"][:3] == ("Nordkorea", "critical", "genitive")
    # coordinated verbs share the subject; "gegen den Westen" is the object
    got = relation(matcher, "Putin hetzt gegen den Westen und schürt Panik.")
    assert got["schürt Panik"][:3] == ("Wladimir Putin", "critical", "subject")
    # a fronted adverb: the subject follows the verb
    got = relation(matcher, "Heute terrorisieren russische Raketen die Menschen in Kiew.")
    assert got["terrorisieren"][:3] == ("Russland", "critical", "subject")
    # apposition wins over a nationality adjective before the label
    got = relation(matcher, "Der russische Autokrat Selenskyj empfing die Gäste.")
    assert got["Autokrat"][:3] == ("Wolodymyr Selenskyj", "aligned", "apposition")
    assert relation(matcher, "Das Regime in Moskau schweigt.")["Regime"][:3] == ("Russland", "critical", "apposition")


def test_nearest_actor_is_the_last_resort_and_marked_low_confidence(matcher):
    got = relation(matcher, "Nach dem Treffen mit Putin sprach man vom Regime.")
    assert got["Regime"] == ("Wladimir Putin", "critical", "nearest", "low")
    got = relation(matcher, "Der Autokrat Putin empfing die Gäste.")
    assert got["Autokrat"][3] == "high"


def test_praising_and_softening_words_favour_their_target(matcher):
    """A glorifying label or a euphemism aimed at an actor favours it: the direction is the
    opposite of a judging word's, in both directions of the axis."""
    assert aimed(matcher, "Der Staatsmann Putin empfing die Gäste.")["Staatsmann"] == ("Wladimir Putin", "aligned")
    assert aimed(matcher, "Der Staatsmann Scholz empfing die Gäste.")["Staatsmann"] == ("Olaf Scholz", "critical")
    assert aimed(matcher, "Der Autokrat Putin empfing die Gäste.")["Autokrat"] == ("Wladimir Putin", "critical")


def test_an_attributive_doubt_word_takes_no_subject_after_it(matcher):
    got = relation(matcher, "Es gab Berichte über eine angebliche Beteiligung der USA.")
    assert "angebliche" not in got or got["angebliche"][2] != "subject"


def test_a_pronoun_speaker_is_the_one_person_named_just_before(matcher):
    got = relation(matcher, "Putin sprach am Dienstag in Moskau. Zugleich behauptete er, die Sanktionen seien "
                            "wirkungslos.")
    assert got["behauptete"] == ("Wladimir Putin", "critical", "pronoun", "low")
    got = relation(matcher, "Biden sprach am Dienstag in Washington. Zugleich behauptete er, die Lage sei stabil.")
    assert got["behauptete"][:2] == ("Joe Biden", "aligned")
    # two people named before: unclear; a plural verb: "sie" is not one person
    assert "behauptete" not in aimed(matcher, "Putin traf Biden nicht. Zugleich behauptete er, alles sei gut.")
    assert "behaupten" not in aimed(matcher, "Putin sprach lange. Die Kolumnisten wollen ablenken, indem sie "
                                             "behaupten, alles sei gut.")


def test_label_with_als_is_aimed_at_the_object_not_the_speaker():
    m = Matcher(default_lexicon())
    for text, want in [
        ("Der Kreml hat die Ukraine als Verräter bezeichnet.", "Ukraine"),
        ("Selenskyj bezeichnete Russland als Verräter am Frieden.", "Russland"),
        ("Der Kreml hat den Blogger Brandtner öffentlich als Verräter bezeichnet.", None),  # no known actor: no target
    ]:
        rec = score_article(analyse(Article(id="t", text=text, source="test")), m).record()
        got = [h.get("aimed_at") for h in rec["hits"] if h["term"].lower().startswith("verräter")]
        assert got == [want], (text, rec["hits"])


def test_war_terminology_gets_no_nearest_actor():
    """An act or instrument of force judges whoever wields it, which only grammar tells."""
    m = Matcher(default_lexicon())
    text = "Mit seiner Privatarmee half der Unternehmer Putin im Feldzug."
    rec = score_article(analyse(Article(id="t", text=text, source="test")), m).record()
    hits = [h for h in rec["hits"] if h["term"].lower().startswith("privatarmee")]
    assert hits and all("aimed_at" not in h for h in hits), rec["hits"]


def test_a_speaker_named_by_nationality_is_judged_by_its_side(matcher):
    got = relation(matcher, "Der Häftling sei nach einem Spaziergang gestürzt, behauptete die russische Behörde.")
    assert got["behauptete"][:3] == ("Russland", "critical", "speaker")
    got = relation(matcher, "Moskau stecke hinter dem Anschlag, behaupteten westliche Politiker.")
    assert got["behaupteten"][:3] == ("der Westen", "aligned", "speaker")
    # an anonymous speaker names no side: no target
    assert "behauptete" not in aimed(matcher, "Alles sei nach Plan verlaufen, behauptete ein Sprecher.")


def test_a_label_for_someone_on_a_side_is_aimed_at_that_side(matcher):
    got = relation(matcher, "Auch prorussische Propagandisten in Deutschland wurden überrascht.")
    assert got["Propagandisten"][:3] == ("Russland", "critical", "allegiance")
    got = relation(matcher, "Auch prowestliche Propagandisten in Moskau wurden überrascht.")
    assert got["Propagandisten"][:3] == ("der Westen", "aligned", "allegiance")
    got = relation(matcher, "Der Lukaschenko-treue Propagandist meldete sich zu Wort.")
    assert got["Propagandist"][:2] == ("Alexander Lukaschenko", "critical")


@pytest.mark.parametrize(("victim", "agent", "agent_dir"), [
    ("Selenskyj", "Russland", "critical"),  # a Western-side victim of a Russian act
    ("Putin", "der Ukraine", "aligned"),  # a Russian victim of a Ukrainian act
])
def test_a_victim_is_not_the_target_the_agent_is(matcher, victim, agent, agent_dir):
    """Words condemning what was done to someone are not aimed at the one it was done to: the
    subject of a passive or of a verb of dying or suffering, the genitive or possessor of a noun of
    harm suffered, the object of "gegen/auf/an" after a noun. The agent (von/durch) is taken
    when named, else no target; the same rule on both sides of the axis."""
    agent_name = agent.removeprefix("der ")
    # passive with an agent: the agent
    got = relation(matcher, f"{victim} wurde von {agent} brutal ermordet.")
    assert got["brutal"][:3] == (agent_name, agent_dir, "agent")
    got = relation(matcher, f"Die Hauptstadt wird von {agent} terrorisiert.")
    assert got["terrorisiert"][:3] == (agent_name, agent_dir, "agent")
    got = relation(matcher, f"Durch {agent} wurde {victim} brutal überfallen.")
    assert got["brutal"][:3] == (agent_name, agent_dir, "agent")
    # no agent named: no target at all, not the victim, not the nearest actor
    for text in (f"{victim} wurde auf brutale Weise ermordet.",
                 f"Es heißt, dass {victim} brutal ermordet worden sei.",
                 f"{victim} ist in einem Lager auf so menschenverachtende Weise verendet.",
                 f"{victim} leidet unter dem brutalen Beschuss.",
                 f"Der barbarische Tod {victim}s empörte viele.",
                 f"Die Hetze gegen {victim} nimmt zu."):
        got = aimed(matcher, text)
        assert not any(v[0] in ("Wolodymyr Selenskyj", "Wladimir Putin") for v in got.values()), (text, got)


@pytest.mark.parametrize(("doer", "doer_name", "doer_dir"), [
    ("Russland", "Russland", "critical"), ("Die Ukraine", "Ukraine", "aligned")])
def test_the_active_subject_and_the_future_stay_the_target(matcher, doer, doer_name, doer_dir):
    """"werden" with an infinitive is the future, not a passive; a causative verb makes the subject
    the causer; the subject of an active harm verb is its target on both sides."""
    got = relation(matcher, f"{doer} wird die Menschen weiter terrorisieren.")
    assert got["terrorisieren"][:3] == (doer_name, doer_dir, "subject")
    got = relation(matcher, f"{doer} terrorisiert die Menschen.")
    assert got["terrorisiert"][:3] == (doer_name, doer_dir, "subject")
    got = relation(matcher, f"{doer} ließ die Gefangenen auf menschenverachtende Weise sterben.")
    assert got["menschenverachtende"][:3] == (doer_name, doer_dir, "subject")
    got = relation(matcher, f"{doer} hat das Nachbarland brutal überfallen.")
    assert got["brutal"][:3] == (doer_name, doer_dir, "subject")
