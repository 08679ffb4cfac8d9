"""Several at once: every topic a list asks about gets its own fact."""

from __future__ import annotations

from bot.search.clauses import clauses
from bot.search.matcher import Matcher
from bot.search.several import several_of, told_as_one
from bot.search.shapes import Match, Thresholds


def test_several_answers_at_most_three_topics(matcher: Matcher) -> None:
    """群多会多表多检查多 lists all four topics: the first three asked are answered (the issue
    bounds a several-at-once reply to three, so one message stays readable)."""
    result = matcher.match("群多会多表多检查多，基层四座大山")
    assert (result.decision, result.shape) == ("answer", "several")
    assert [m.fact.topic for m in result.several] == ["chat-groups", "meetings", "forms"]


def test_a_topic_word_glued_to_the_next_still_names_its_topic(matcher: Matcher) -> None:
    """群加的多 is cut 群加 / 的 / 多: the coined word's 群 still asks about groups."""
    result = matcher.match("开会开的多 表填的多 群加的多 咋办")
    assert (result.decision, result.shape) == ("answer", "several")
    assert [m.fact.topic for m in result.several] == ["meetings", "forms", "chat-groups"]
    # A word the dictionary holds is no coinage: 表示 names no topic by its 表.
    assert matcher.topic_words.names_topic("表示") is None


def test_endless_inspections_ask_for_fewer_rounds(matcher: Matcher) -> None:
    """查不完的检查 says inspections come without end, as 开不完的会 and 填不完的表 do: the
    list part is about how many rounds, not a sibling its 不 happens to share."""
    result = matcher.match("查不完的检查刷不完的群")
    assert (result.decision, result.shape) == ("answer", "several")
    assert result.several[0].fact.id == "inspections-fewer-rounds"


def test_a_pinyin_list_is_cut_where_its_topic_changes(matcher: Matcher) -> None:
    """kaihui duo tianbiao duo: each pinyin word is found where it was typed, however its
    syllables were spaced, and a pinyin 多 (duo) ends a list item as 多 does."""
    for question, topics in [
        ("kaihui duo tianbiao duo", ["meetings", "forms"]),
        ("qun tai duo le hui ye duo", ["chat-groups", "meetings"]),
        ("jiancha pinfan biaoge duo", ["inspections", "forms"]),
    ]:
        result = matcher.match(question)
        assert (result.decision, result.shape) == ("answer", "several"), question
        assert [m.fact.topic for m in result.several] == topics
    # One topic in pinyin stays one fact.
    assert matcher.match("gongzuoqun tai duo").shape != "several"


def test_list_numbers_and_marks_are_not_what_an_item_says() -> None:
    """③开会 is item three, not three minutes of speech; a new line or ➕ ends an item; a
    number with a unit still counts (3 天)."""
    assert clauses("①迎检 ②填表 ③开会") == ["迎检", "填表", "开会"]
    assert clauses("1.会太多\n2.群太多") == ["会太多", "群太多"]
    assert clauses("1）签字多\n2）拍照多\n3）群多") == ["签字多", "拍照多", "群多"]
    assert clauses("会议➕检查➕群") == ["会议", "检查", "群"]
    assert clauses("①会议太频繁②工作群太多") == ["会议太频繁", "工作群太多"]
    assert clauses("3天迎检") == ["3 天 迎检"]


def test_a_numbered_list_answers_each_item(matcher: Matcher) -> None:
    result = matcher.match("①迎检 ②填表 ③开会")
    assert [m.fact.id for m in result.several] == [
        "inspections-fewer-rounds", "forms-weekly-cap", "meetings-twice-a-month",
    ]  # fmt: skip


def test_how_often_a_burden_comes_is_its_frequency(matcher: Matcher) -> None:
    """勤, 隔三差五 say how often, as 频繁 does: meetings a month, forms a week."""
    assert [f.id for f in matcher.match("会开得勤").shown] == ["meetings-twice-a-month"]
    assert [f.id for f in matcher.match("隔三差五要报表").shown] == ["forms-weekly-cap"]


def test_characters_spaced_out_are_one_text_not_clauses(matcher: Matcher) -> None:
    """会 议 合 并 typed one by one is 会议合并; three lone characters may be a list."""
    assert clauses("会 议 合 并 和 检 查 合 并") == ["会议合并", "检查合并"]
    assert clauses("会 表 群") == ["会", "表", "群"]
    spaced = matcher.match("会 议 合 并 和 检 查 合 并 是 怎 么 做 的")
    plain = matcher.match("会议合并和检查合并是怎么做的")
    assert [f.id for f in spaced.shown] == [f.id for f in plain.shown]


def test_both_and_lists_are_cut_at_the_second_again(matcher: Matcher) -> None:
    """既…又… and 又…又… list burdens: the 又 before the second topic's word starts its run;
    a single 又 (检查完又在群里) or 又臭又长 lists nothing."""
    for question in ("既发言时间太长又一堆群", "又开会时间太长又一堆群"):
        result = matcher.match(question)
        assert (result.decision, result.shape) == ("answer", "several"), question
        assert [m.fact.topic for m in result.several] == ["meetings", "chat-groups"]
    assert matcher.match("会议又臭又长").shape != "several"


def test_each_topic_after_a_time_of_its_own_is_a_list(matcher: Matcher) -> None:
    """白天开会晚上填表 lists what fills the day: each topic after a time of its own."""
    for question, topics in [
        ("白天开会晚上填表", ["meetings", "forms"]),
        ("早上迎检晚上回群消息", ["inspections", "chat-groups"]),
    ]:
        result = matcher.match(question)
        assert (result.decision, result.shape) == ("answer", "several"), question
        assert [m.fact.topic for m in result.several] == topics
    assert matcher.match("明天开会要填表吗").shape != "several"  # one time: no list


def _matches(matcher: Matcher, *scored: tuple[str, float]) -> tuple[Match, ...]:
    facts = {f.id: f for f in matcher.kb.facts}
    return tuple(Match(facts[fid], score) for fid, score in scored)


def test_a_topic_named_twice_gets_the_clause_the_whole_message_agrees_with(
    matcher: Matcher,
) -> None:
    """为了迎检开了好几次准备会，检查一拨接一拨，能不能把检查合并起来: the first clause on
    inspections only sets the scene; the clause whose fact the whole message ranks first on
    that topic answers it, in the place the topic was first named."""
    bests = _matches(
        matcher,
        ("inspections-unannounced-visits", 34.2),
        ("meetings-twice-a-month", 47.2),
        ("inspections-joint", 63.5),
    )
    whole = _matches(matcher, ("inspections-joint", 38.3), ("meetings-one-topic-once", 33.1))
    picked = several_of(bests, Thresholds(), whole)
    assert [m.fact.id for m in picked] == ["inspections-joint", "meetings-twice-a-month"]
    # Without the whole reading's word, the first clause on a topic keeps it.
    assert several_of(bests, Thresholds())[0].fact.id == "inspections-unannounced-visits"
    # A stronger clause the whole message does not agree with takes nothing from the first.
    stronger = _matches(matcher, ("inspections-fewer-rounds", 89.6))
    assert several_of(bests + stronger, Thresholds(), whole)[0].fact.id == "inspections-joint"
    result = matcher.match("为了迎检开了好几次准备会，检查一拨接一拨，能不能把检查合并起来")
    assert result.answered and result.shown[0].id == "inspections-joint"


def test_a_story_about_one_fact_is_not_cut_into_the_clauses_topics(matcher: Matcher) -> None:
    """周五下班前刚交了表。周一早上群里通知：模板更新…: the template changing is the story; the
    first clause's form (一周一表) is only its scene."""
    result = matcher.match(
        "周五下班前刚交了表。周一早上群里通知：模板更新，请按新模板重新报送。我人傻了。这种事有人管吗"
    )
    assert result.answered and result.shown[0].id == "forms-stable-templates"


def test_clauses_that_lose_what_the_message_is_about_give_way_to_it(matcher: Matcher) -> None:
    """Read whole, pictures standing in for an assessment of the work, surely; read clause
    by clause, 报位置 is a form and 考核要用 an inspection, neither on its topic and both far
    behind it: the whole message's one fact answers."""
    question = (
        "群里天天让报位置、报工作照，说是考核要用，但是照片能说明啥呢，"
        "我们天天在村里跑，照片拍多拍少根本看不出干得好不好"
    )
    p = matcher.prepare(question)
    t = Thresholds()
    assert not told_as_one(p, {"chat-groups", "forms"}, True, t)  # its own topic
    assert told_as_one(p, {"forms", "inspections"}, True, t)  # far ahead of both
    assert told_as_one(p, {"forms", "inspections"}, False, t)  # a long story, not a list
    result = matcher.match(question)
    assert (result.decision, result.shape) == ("answer", "fact")
    assert result.shown[0].id == "chat-groups-no-screenshot-evaluation"
    # A list whose clauses each name their own topic stays several.
    listed = matcher.match("会太多，表也多")
    assert listed.shape == "several"
    short = matcher.prepare("会太多，表也多")
    assert not told_as_one(short, {"meetings", "forms"}, False, t)


def test_the_closing_ask_leads_a_story_of_several_topics(matcher: Matcher) -> None:
    """填表填到半夜 tells forms first, yet the message closes asking about meetings: read
    alone, 会能不能少开 is about meetings, so meetings leads and forms follows. A list (表多、
    会也多) keeps the order it was asked in."""
    told = matcher.match(
        "填表填到半夜，第二天早上又要开会，开会开到中午，一个月要开十几次会，会能不能少开"
    )
    assert (told.decision, told.shape) == ("answer", "several")
    assert [m.fact.topic for m in told.several] == ["meetings", "forms"]
    listed = matcher.match("表多、会也多")
    assert [m.fact.topic for m in listed.several] == ["forms", "meetings"]
    # Each clause asks: a list of asks, not a story closing on one, stays in the order asked.
    asks = matcher.match("会能不能少开点，群能不能少建点，表能不能少填点")
    assert [m.fact.topic for m in asks.several] == ["meetings", "chat-groups", "forms"]


def test_a_story_of_two_topics_follows_its_ask_on_one(matcher: Matcher) -> None:
    """A story telling meetings and forms, then an item asking about forms alone: forms leads
    and the meeting told follows. A story telling only what is asked stays one answer."""
    for question, topics in [
        ("上午开了半天会，下午又填了三张表。填表这块能不能少点", ["forms", "meetings"]),
        ("群里一天到晚发通知，会也一个接一个。开会这事能不能管管", ["meetings", "chat-groups"]),
    ]:
        result = matcher.match(question)
        assert (result.decision, result.shape) == ("answer", "several"), question
        assert [m.fact.topic for m in result.several] == topics, question
    # A story naming no topic of its own (半夜 only sounds like forms' 填到半夜) still follows.
    late = matcher.match(
        "每天回家都快半夜了。我是街道的副镇长，开会太多了，怎么压一压，大家都是咋弄的"
    )
    assert late.matches[0].fact.topic == "meetings"
    one = matcher.match("检查太多了，天天迎检。基层的检查到底能不能少点")
    assert (one.decision, one.shape) == ("answer", "fact")
    assert one.matches[0].fact.topic == "inspections"
