"""Answer shapes: close siblings, people and places, numbers, topic asks, several at once, noise."""

from __future__ import annotations

import pytest

from bot.kb import load_kb
from bot.search.entities import EntityTable
from bot.search.matcher import Matcher, Result
from bot.search.naming import address_parts, person_name, short_forms


def _shown(result: Result) -> list[str]:
    return [f.id for f in result.shown]


def test_strong_match_is_answered_even_with_a_close_sibling(matcher: Matcher) -> None:
    """A close rival on the same topic becomes a related fact, not a "did you mean"."""
    result = matcher.match("开会时间太长怎么办")
    assert (result.decision, result.shape) == ("answer", "fact")
    assert result.matches[0].fact.id == "meetings-short-speeches"
    assert result.related and all(f.topic == "meetings" for f in result.related)
    assert result.matches[0].fact not in result.related


def test_rivals_on_different_topics_still_ask(matcher: Matcher) -> None:
    """Two strong matches on different topics are real doubt: did you mean."""
    result = matcher.match("留痕")
    assert result.decision == "suggest"
    assert {m.fact.topic for m in matcher.suggestions(result)} >= {"meetings", "chat-groups"}


def test_a_broad_ask_across_topics_gets_each_topics_best(matcher: Matcher) -> None:
    """留痕 is done in meetings, forms and groups alike: asked what is done about it (有什么好
    做法), no one fact answers; each topic's closest fact does, closest first."""
    result = matcher.match("过度留痕这块有什么好做法")
    assert (result.decision, result.shape) == ("answer", "several")
    topics = [f.topic for f in result.shown]
    assert len(topics) == len(set(topics)) >= 2
    assert result.shown[0] == matcher.match("留痕").matches[0].fact
    assert result.overview and not matcher.match("会多表多").overview


def test_and_after_a_topic_word_is_read_apart(matcher: Matcher) -> None:
    """jieba keeps 检查和 whole; the user dictionary splits it, so both topics are heard."""
    result = matcher.match("检查和会议都太多")
    assert (result.decision, result.shape) == ("answer", "several")
    assert {f.topic for f in result.shown} == {"inspections", "meetings"}


def test_names_and_places_come_from_who_and_where() -> None:
    """The entity table reads names and address parts from the fields, not from code."""
    assert person_name("敖再生（江西省樟树市洋湖乡党委副书记）") == "敖再生"
    assert address_parts("江西省樟树市洋湖乡") == ["江西省", "樟树市", "洋湖乡"]
    assert address_parts("西藏拉萨市林周县松盘乡") == ["西藏", "拉萨市", "林周县", "松盘乡"]
    assert short_forms("昌吉回族自治州") == ["昌吉", "昌吉州"]
    table = EntityTable(load_kb().facts)
    assert [e.name for e, _ in table.find("小李说以前填表")] == ["李志颖"]
    assert [e.name for e, _ in table.find("洋湖那边怎么样")] == ["洋湖乡"]
    # 江西那个乡: a province is a place too, the widest one named (江西省 holds 洋湖乡's facts)
    assert [e.name for e, _ in table.find("江西省有什么做法")] == ["江西省"]


def test_a_new_article_brings_its_own_people(matcher: Matcher) -> None:
    """A person added to the facts is found with no code change."""
    fact = matcher.kb.facts[0]
    from dataclasses import replace

    newcomer = replace(fact, id="x-new", who="王小明（某省某市新河镇党委书记）", where="某市新河镇")
    table = EntityTable([*matcher.kb.facts, newcomer])
    found = dict((e.name, e) for e, _ in table.find("王小明和新河镇"))
    assert found["王小明"].fact_ids == ("x-new",)
    assert found["新河镇"].kind == "place"


def test_person_question_gets_a_card_of_every_fact_naming_them(matcher: Matcher) -> None:
    """李志颖是谁: a card with the role and place, then every fact she appears in."""
    result = matcher.match("李志颖是谁")
    assert (result.decision, result.shape) == ("answer", "card")
    assert result.card is not None and result.card.name == "李志颖"
    assert "扶贫专干" in result.card.description
    expected = {f.id for f in matcher.kb.facts if f.who.startswith("李志颖")}
    assert set(_shown(result)) == expected
    assert result.matches[0].fact == result.card.facts[0]


def test_place_question_gets_the_place_card(matcher: Matcher) -> None:
    """松盘乡是怎么减负的: the facts from that township."""
    result = matcher.match("松盘乡是怎么减负的")
    assert result.decision == "answer"
    assert set(_shown(result)) <= {"forms-data-platform", "forms-fewer-signatures-photos"}
    assert result.matches[0].fact.where.endswith("松盘乡")


def test_person_with_a_specific_ask_gets_that_fact(matcher: Matcher) -> None:
    """齐琳现在手机里群少了多少: the one fact about it, her other facts as related."""
    result = matcher.match("齐琳现在手机里群少了多少")
    assert (result.decision, result.shape) == ("answer", "fact")
    assert result.matches[0].fact.id == "chat-groups-phone-lighter"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("30分钟的会是哪里开的", "meetings-short-speeches"),
        ("一百九十多个群是怎么回事", "chat-groups-190-dissolved"),
        ("一周最多一表是谁说的", "forms-weekly-cap"),
        ("两百多次会是怎么回事", "meetings-weekly-half-hour"),
    ],
)
def test_number_questions_reach_the_fact_the_number_comes_from(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    """Digits and Chinese numerals (一百九十, 两百) meet the article's numbers."""
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.matches[0].fact.id == fact_id


def test_topic_ask_answers_with_the_topic(matcher: Matcher) -> None:
    """督查检查方面有哪些好做法: the topic's representative fact, its others as related."""
    result = matcher.match("督查检查方面有哪些好做法")
    assert (result.decision, result.shape, result.topic) == ("answer", "topic", "inspections")
    first = result.matches[0].fact
    assert first.topic == "inspections"
    assert {f.id for f in result.related} == {
        f.id for f in matcher.kb.facts_in_topic("inspections") if f != first
    }


def test_request_words_are_neutral(matcher: Matcher) -> None:
    """请教/各位/借鉴/经验 neither help nor hurt: the chatty ask gets the plain ask's answer."""
    plain = matcher.match("迎检太频繁")
    chatty = matcher.match("请教一下各位，迎检太频繁有啥可以借鉴的经验，谢谢")
    assert chatty.decision == "answer"
    assert chatty.matches[0].fact.id == plain.matches[0].fact.id
    assert "请教一下" not in chatty.analysis.unknown and "经验" not in chatty.analysis.unknown


@pytest.mark.parametrize(
    "question",
    [
        "工作群的群公告怎么发",
        "督查检查的评分细则在哪看",
        "扶贫专干怎么考编",
        "暗访组几点到",
        "会议记录本在哪里买",
        "数据平台的操作手册在哪下",
    ],
)
def test_near_misses_decline(matcher: Matcher, question: str) -> None:
    """How to operate, where, when, which one, a rule or entitlement: no fact, no choices."""
    assert matcher.match(question).decision == "decline"


def test_problem_descriptions_reach_their_fact(matcher: Matcher) -> None:
    """A complaint in an official's own words reaches the measure for it."""
    result = matcher.match("干啥都得拍照片存档，累得很")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "forms-fewer-signatures-photos"


def test_several_problems_at_once(matcher: Matcher) -> None:
    """会多、表多、群多: one fact per topic asked, in the order asked, at most three."""
    result = matcher.match("会多、表多、群多，怎么一起减")
    assert (result.decision, result.shape) == ("answer", "several")
    assert [m.fact.topic for m in result.several] == ["meetings", "forms", "chat-groups"]
    assert result.matches[0] == result.several[0]
    assert _shown(result) == [m.fact.id for m in result.several]


def test_several_answer_leads_with_what_the_question_is_clearly_about(
    matcher: Matcher,
) -> None:
    """检查组一来，就翻我们的会议笔记 touches inspections first, but read whole it is about
    meeting records: that topic is shown first, the other after it."""
    result = matcher.match("检查组一来，就翻我们的会议笔记")
    assert (result.decision, result.shape) == ("answer", "several")
    assert [m.fact.topic for m in result.several] == ["meetings", "inspections"]
    assert _shown(result)[0] == "meetings-light-records"
    assert result.matches[0] == result.several[0]


def test_a_long_message_leads_with_the_topic_it_is_about(matcher: Matcher) -> None:
    """A long chatty message names inspections in passing (入户走访) while it asks about
    screenshots as proof of work: read whole, that topic leads; a short list keeps its order."""
    long_message = (
        "镇里要求我们每天入户走访，走访完要拍照片发到群里，没发照片就算没去，考核也看这个，"
        "请问这种拿截图照片考核的做法有没有规定不让搞"
    )
    assert _shown(matcher.match(long_message))[0] == "chat-groups-no-screenshot-evaluation"
    listed = matcher.match("群太多、会太长，有没有经验")
    assert [m.fact.topic for m in listed.several] == ["chat-groups", "meetings"]


def test_several_asks_in_short_clauses(matcher: Matcher) -> None:
    """会开得长、表填得多: each clause's one-character words (会, 长, 表) still count."""
    result = matcher.match("会开得长、表填得多，有啥办法")
    assert (result.decision, result.shape) == ("answer", "several")
    assert [m.fact.topic for m in result.several] == ["meetings", "forms"]


def test_one_topic_with_commas_is_not_several(matcher: Matcher) -> None:
    """Commas alone do not make several asks."""
    result = matcher.match("请教一下各位，迎检太频繁，怎么办")
    assert result.shape != "several"


def test_pinyin_huitaiduo_reaches_meetings(matcher: Matcher) -> None:
    """hui reads as 会 (→ 会议), not as a stray character of the facts."""
    result = matcher.match("huitaiduo")
    assert result.decision == "answer"
    assert result.matches[0].fact.topic == "meetings"


@pytest.mark.parametrize("noisy", ["会太多怎么办 5", "会太多<b>怎么办</b>", "会太多怎么办 12"])
def test_stray_number_and_markup_change_nothing(matcher: Matcher, noisy: str) -> None:
    """A trailing number or leftover markup gives the same answer as the clean question."""
    clean = matcher.match("会太多怎么办")
    result = matcher.match(noisy)
    assert (result.decision, result.shape, _shown(result)) == (
        clean.decision,
        clean.shape,
        _shown(clean),
    )


def test_matches_start_with_the_fact_shown_first(matcher: Matcher) -> None:
    """For every shape, matches[0] is the first fact the answer shows, and no fact repeats."""
    for question in ("李志颖是谁", "会议记录和检查", "督查检查方面有哪些好做法", "发言能限时吗"):
        result = matcher.match(question)
        assert result.answered
        assert result.matches[0].fact == result.shown[0]
        ids = [m.fact.id for m in result.matches]
        assert len(ids) == len(set(ids))


def test_modal_hui_is_not_a_meeting(matcher: Matcher) -> None:
    """为啥会越建越多: 会 is "will" here, so no meetings fact competes with the groups."""
    result = matcher.match("工作群为啥会越建越多")
    assert all(m.fact.topic == "chat-groups" for m in result.matches[:2])
    assert "会议" not in {t.term for t in result.analysis.terms}


def test_weak_lead_with_an_intent_cue_declines(matcher: Matcher) -> None:
    """A weak best match that only leads by a wide gap answers a clean question, but not one
    that asks for an entitlement or how to do something (加班费怎么算)."""
    from bot.search.shapes import Match, Prepared, conclude

    prepared = matcher.prepare("填表填到半夜，加班费怎么算")
    assert prepared.analysis.cues
    best = prepared.ranked[0]
    t = matcher.thresholds
    weak = Match(best.fact, t.suggest + 1)
    far = Match(prepared.ranked[1].fact, t.suggest + 1 - t.lead - 1)
    with_cue = Prepared(prepared.query, prepared.normalized, prepared.analysis, (weak, far))
    assert conclude(with_cue, t).decision == "decline"
    without = Prepared(
        prepared.query, prepared.normalized, matcher.analyzer.analyze("填表"), (weak, far)
    )
    assert conclude(without, t).decision == "answer"


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        ("会多表多", ["meetings", "forms"]),
        ("群多会多检查多怎么办", ["chat-groups", "meetings", "inspections"]),
        ("又要开会又要填表，忙不过来", ["meetings", "forms"]),
        ("天天开会天天迎检", ["meetings", "inspections"]),  # the same words before each
        ("能不能少开会少迎检", ["meetings", "inspections"]),
        ("开不完的会议填不完的表格", ["meetings", "forms"]),  # runs of one shape
        ("会多了表多了群也多了", ["meetings", "forms", "chat-groups"]),
        ("开会填表都烦", ["meetings", "forms"]),  # named side by side
        ("开会啊填表啊", ["meetings", "forms"]),
        ("文山会海加上迎检", ["meetings", "inspections"]),
        ("会海和表海", ["meetings", "forms"]),  # curated words (synonyms.yaml)
        ("检查多得要命群也多得要命", ["inspections", "chat-groups"]),  # 多 made stronger
        ("一边迎检一边填表", ["inspections", "forms"]),  # the same two characters with each
        ("会议开个没完群消息回个没完", ["meetings", "chat-groups"]),
        ("又要开会又要迎检还要回群消息", ["meetings", "inspections", "chat-groups"]),
        ("表多而且会也多", ["forms", "meetings"]),
        ("会短了群少了表少了", ["meetings", "chat-groups", "forms"]),  # 少, 短 list too
        ("开会加迎检", ["meetings", "inspections"]),  # 加 joins, 参加 does not
        ("开会+填表+迎检", ["meetings", "forms", "inspections"]),
        ("群多&会多", ["chat-groups", "meetings"]),
        ("第一会多第二表多", ["meetings", "forms"]),  # ordinals begin the next point
        ("一是会多二是表多三是群多", ["meetings", "forms", "chat-groups"]),
    ],
)
def test_several_topics_without_punctuation(
    matcher: Matcher, question: str, topics: list[str]
) -> None:
    """No punctuation marks the parts: the question is cut where the topic named changes."""
    result = matcher.match(question)
    assert (result.decision, result.shape) == ("answer", "several")
    assert [m.fact.topic for m in result.several] == topics


@pytest.mark.parametrize(
    "question",
    [
        "检察组只看材料不下户咋办",
        "开会时手机要不要上交",
        "会议纪要要不要领导签字",
        "工作群里天天开视频会",
        "干活还要拍照截图发群里才算数吗",  # 还要 before the first topic lists nothing
        "检查组来参加会议",  # 参加 is no joining 加
        "省里的第三方评估和检查",  # 第三方 counts nothing: one ask
    ],
)
def test_one_question_is_not_cut_into_topics(matcher: Matcher, question: str) -> None:
    """Answered whole, or naming something we do not know: never read as several asks."""
    assert matcher.match(question).shape != "several"


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("检查多会也多", ["inspections-fewer-rounds", "meetings-twice-a-month"]),
        ("群多表多咋整", ["chat-groups-too-many-pinned", "forms-weekly-cap"]),
    ],
)
def test_list_shape_is_several_even_when_one_fact_could_answer(
    matcher: Matcher, question: str, facts: list[str]
) -> None:
    """A list of complaints (X多Y也多) asks about each, even when read whole one fact would
    be answered outright; each part gets its own topic's fact, not the fact ranked first."""
    result = matcher.match(question)
    assert (result.decision, result.shape) == ("answer", "several")
    assert _shown(result) == facts


def test_a_keyword_of_one_topic_names_it(matcher: Matcher) -> None:
    """台账 turns up in other topics' stories but is a keyword of checks only: it names them."""
    result = matcher.match("台账和会议记录还要搞吗")
    assert [m.fact.topic for m in result.several] == ["inspections", "meetings"]


def test_an_everyday_word_names_no_topic(matcher: Matcher) -> None:
    """材料 read as 台账 is still an everyday word: it does not make a second topic."""
    result = matcher.match("熬夜赶出来的材料，格式一换全白干")
    assert (result.shape, _shown(result)) == ("fact", ["forms-stable-templates"])


def test_a_part_naming_only_its_topic_gets_the_topic_lead(matcher: Matcher) -> None:
    """表越填越多 names forms and nothing narrower: forms' lead (topics.yaml) answers it, not a
    fact that merely ranks a hair higher (templates)."""
    result = matcher.match("会越开越长，表越填越多")
    leads = {t.id: t.lead for t in matcher.kb.topics.values()}
    assert result.shape == "several"
    assert result.several[1].fact.id == leads["forms"]


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("督查检查减负都有啥办法", "inspections"),
        ("会议减负方面有哪些措施", "meetings"),
        ("有关迎检的做法", "inspections"),  # scope words (request_words.txt) are neutral
        ("对于会议有什么好做法", "meetings"),
        ("填表这一方面有啥经验", "forms"),
    ],
)
def test_topic_ask_answers_with_the_topic_lead(matcher: Matcher, question: str, topic: str) -> None:
    """A question naming a topic and asking what is done about it gets the topic's lead first
    (its representative), never another topic's fact that shares broad words (减负, 措施)."""
    result = matcher.match(question)
    assert (result.decision, result.shape, result.topic) == ("answer", "topic", topic)
    assert result.shown[0].id == matcher.kb.topics[topic].lead
    assert result.related and all(f.topic == topic for f in result.related)


def test_a_number_question_is_not_a_topic_ask(matcher: Matcher) -> None:
    """工作群这块清理了多少个 asks for a number: the fact holding it, not the topic's lead."""
    result = matcher.match("工作群这块清理了多少个")
    assert (result.shape, _shown(result)) == ("fact", ["chat-groups-190-dissolved"])


@pytest.mark.parametrize("question", ["检查压力太大", "迎检压力好大"])
def test_a_question_naming_one_topic_is_not_answered_from_another(
    matcher: Matcher, question: str
) -> None:
    """A forms fact that mentions 迎检 in passing does not answer a question about checks."""
    result = matcher.match(question)
    assert result.decision != "answer" or {f.topic for f in result.shown} == {"inspections"}
