"""A burden told, not a question asked: its grammar and its cue words set the scene."""

from __future__ import annotations

import pytest

from bot.search.cues import split_cues
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.pieces import Piece
from bot.search.story import (
    asked_forms,
    asks_something,
    judged_cues,
    names_colleague,
    tells_burden,
)


@pytest.mark.parametrize(
    "text",
    [
        "社区这边三天两头被街道叫去开会",
        "开会必须手写笔记，还要定期拿去检查",
        "补贴发下去了要拍照 钱到账了又要拍照",
        "这么多表天天要报",
        "念完稿子会都开了半天",
        "检查组来了就一头扎进档案室，连村口都没出",  # not even the least of it done
        "开会连口水都不让喝",
        "那个工作群一年多没人说话了，一直没撤",  # kept though long unused: 那个 is a pause
        # then how to cope, as a clause of its own: a measure is what it asks for
        "社区这边三天两头被街道叫去开会，一开就是大半天，怎么办",
        "开会必须手写笔记，还要定期拿去检查，这个怎么解决",
        "每天要往政务APP上传工作照片，不传要扣分，有啥办法没",
        # a short or rhetorical plea asks the same
        "社区这边三天两头被街道叫去开会，一开就是大半天，有办法没",
        "社区这边三天两头被街道叫去开会，一开就是大半天，难道就没办法吗？",
        "表格天天要报，难道就没有一点办法吗",
        # a good way asked for is still a way to cope
        "社区这边三天两头被街道叫去开会，有什么好办法",
        "表格天天要报，有没有好办法",
    ],
)
def test_a_statement_of_a_load_is_a_burden_told(text: str) -> None:
    assert tells_burden(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "工作群被踢了",  # something happened, no load
        "会议记录本被同事拿错了",
        "天天开会怎么办",  # a question, however heavy the load
        "每次开会都要带什么",
        "群里天天刷屏，谁受得了",  # rhetorical, still a question
        "开会要不要每次都签到",
        "好几个群能不能合并",
        "开会开了一整天，有误餐补助没",  # 没 at the end asks
        "群里天天被踢，啥原因，怎么办",  # asks something besides how to cope
        "连着开了两天会",  # 连 as in a row, nothing left undone
        "连村口都没出过的检查算数吗",  # asked
    ],
)
def test_a_question_or_an_event_is_no_burden_told(text: str) -> None:
    assert not tells_burden(normalize(text))


def _words(*texts: str, kind: str = "unknown") -> list[Piece]:
    return [Piece(t, "stop" if t == "被" else kind) for t in texts]


def test_a_burden_told_keeps_phrase_cues_only() -> None:
    """被 + ? in a story is a passive, not something done to the asker; ~老婆 still names a
    subject no measure speaks of."""
    cues = split_cues(["被 + ?", "~老婆", "必须 + ?"])
    story = normalize("三天两头被叫去开会，老婆天天埋怨")
    pieces = _words("三天两头", "被", "叫", "老婆")
    told = tells_burden(story)
    assert asked_forms(cues.patterns, cues.slots, frozenset(), story, pieces, told) == ("老婆",)
    event = normalize("被踢了")
    event_words = _words("被", "踢")
    found = asked_forms(cues.patterns, cues.slots, frozenset(), event, event_words, False)
    assert found == ("被踢",)


def test_a_cue_word_in_a_burden_told_is_an_unknown_word(matcher: Matcher) -> None:
    """不传要扣分: 扣分 sets the scene of a burden, it asks for no rule; asked, it still does."""
    told = matcher.analyzer.analyze(normalize("每天要往政务APP上传工作照片，不传要扣分"))
    assert told.cues == ()
    assert "扣分" in told.unknown
    asked = matcher.analyzer.analyze(normalize("不传照片扣不扣分"))
    assert asked.cues


def test_a_burden_told_in_its_own_words_is_answered(matcher: Matcher) -> None:
    result = matcher.match("社区这边三天两头被街道叫去开会，一开就是大半天")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "meetings-weekly-half-hour"


def test_a_burden_told_then_how_to_cope_is_answered_as_told(matcher: Matcher) -> None:
    """被街道叫 is a passive of the story, not an event, though the text ends in 怎么办."""
    result = matcher.match("社区这边三天两头被街道叫去开会，一开就是大半天，怎么办")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "meetings-weekly-half-hour"


def test_a_burden_told_over_two_topics_leads_with_what_it_is_about(matcher: Matcher) -> None:
    """入户走访 sets the scene (inspections' words), the burden told is the photo: read whole,
    the photo fact is the closer one, so it comes first."""
    result = matcher.match("入户走访都要跟户主合影，不拍就不算数")
    assert result.analysis.told
    assert result.shown[0].id == "forms-fewer-signatures-photos"


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("讲话稿长得要命", False),  # a speech's length, not a person's looks
        ("材料做得漂亮就过关", False),  # polished material is the formalism complained of
        ("敖书记长得怎么样", True),
        ("卓嘎漂亮吗", True),
    ],
)
def test_looks_are_asked_of_people_not_of_papers(
    matcher: Matcher, text: str, declined: bool
) -> None:
    assert (matcher.match(text).decision == "decline") is declined


def test_a_burden_told_in_one_clause_keeps_its_story_when_another_asks(
    matcher: Matcher,
) -> None:
    """The ask (兄弟单位咋弄的) is in its own clause: the burden's clause still tells a story."""
    question = "开会必须手写笔记，还要定期交上去检查，兄弟单位咋弄的"
    analysis = matcher.analyzer.analyze(matcher.analyzer.spelled(question))
    assert not analysis.forms
    assert matcher.match(question).shown[0].id == "meetings-light-records"


@pytest.mark.parametrize(
    "text",
    [
        "村支书一个月得往镇上跑十几趟，天天都是开会",
        "三十几户的表天天要重新填",
        "专门为了检查做了几十本台账，还要天天补",
        "几百条群消息天天都刷不完",
    ],
)
def test_a_burden_told_with_a_rough_count_is_no_question(text: str) -> None:
    # 十几, 三十几, 几十, 几百 say how many; the story asks nothing
    assert tells_burden(normalize(text))


@pytest.mark.parametrize("text", ["一个月开几次会", "表要填十几张吗", "开了几十次会还要开几次"])
def test_a_count_asked_still_asks(text: str) -> None:
    assert asks_something(normalize(text))


@pytest.mark.parametrize(
    ("words", "named"),
    [
        (("小王",), True),
        (("老张", "天天"), True),
        (("小组",), False),  # 组 is no surname
        (("老人",), False),
        (("王",), False),
    ],
)
def test_a_colleague_called_by_surname(words: tuple[str, ...], named: bool) -> None:
    assert names_colleague(words) is named


@pytest.mark.parametrize(
    "text",
    [
        "防汛这一件事，这个礼拜开了三回会",
        "同一个贫困户的收入，这个月已经报了四遍了",
        "年底那个月光迎检就迎了七八次",
        "这周开了 5 次会",
        "一个贫困户的收入数据，填了五六份不同的表",  # forms filled, counted
        "为了检查专门做了几十本台账",  # a rough count of many
        "参会的全是那几个人",  # 那几 points, it does not ask
        "拉群太随便了",  # done at whim
        "材料少一页就扣分",  # punished
        "检查组来了就看台账，一户都没走",  # never done as it should be
    ],
)
def test_a_thing_done_a_count_of_times_is_a_burden_told(text: str) -> None:
    # two or more times done: too often, or the same thing again, said as a count
    assert tells_burden(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "今天开了一次会",  # once is no load
        "这周开了三次会还要开几次",  # asks
        "上个月检查了两次吗",
        "今天填了一张表",
        "这是第三次迎检",  # which time, not how many
        "参会的有几个人",  # 几 asks
    ],
)
def test_once_or_a_count_asked_is_no_burden_told(text: str) -> None:
    assert not tells_burden(normalize(text))


@pytest.mark.parametrize(
    "text", ["上午开安全生产会，下午开消防会，讲的都是一码事", "两个会讲的是一码事"]
)
def test_the_same_thing_again_in_everyday_words_is_told(matcher: Matcher, text: str) -> None:
    """一码事 (complaint_words.yaml, again) says a burden comes again: told, not asked."""
    assert tells_burden(normalize(text), matcher.analyzer.complaints)
    assert not tells_burden(normalize(text))  # story.py's own marks alone do not say it


def test_a_count_of_rounds_told_is_answered(matcher: Matcher) -> None:
    result = matcher.match("年底那一个月，光迎检就迎了七八次，脚都没沾过地")
    assert result.decision == "answer"
    assert result.matches[0].fact.id == "inspections-fewer-rounds"


@pytest.mark.parametrize(
    "text",
    [
        "查完扔下一堆问题就走了，也不教教怎么弄",
        "表又换了，也没人说该咋填",
        # how exactly, said between (具体, 到底): still what nobody says
        "上面检查完就发个文件，然后也不说具体咋干",
        "查完就走了，怎么改没人管，也不管我们具体咋干",  # said the other way round too
        "文件下了一堆，也没人讲到底怎么弄",
    ],
)
def test_a_how_nobody_tells_is_no_question(text: str) -> None:
    """The want of guidance is the burden told; 怎么 there is what nobody says."""
    assert not asks_something(normalize(text))
    assert tells_burden(normalize(text))


def test_a_how_asked_beside_it_still_asks() -> None:
    assert asks_something(normalize("也没人教，这个表怎么填"))


@pytest.mark.parametrize(
    "text",
    [
        "上周入户走访忘了拍视频传上去，考核直接扣分",  # punished, said with 直接
        "按发照片的数量排名，排后面的还得挨批",
        "天天手指头点得发麻，这种负担啥时候能真减下来",  # when it eases: a measure asked
        "群天天响，什么时候才能少点",
        "走到哪拍到哪，手机里全是工作照",  # 哪 twice says everywhere, it asks nowhere
        "这礼拜开了六个会",  # read 这周开会了六个 (classifiers.py): a count of meetings held
    ],
)
def test_more_ways_of_telling_a_burden(text: str, matcher: Matcher) -> None:
    assert tells_burden(matcher._normal(text))


@pytest.mark.parametrize(
    "text",
    ["扣分标准是什么", "检查什么时候来", "你走到哪了", "我买了两个苹果", "会什么时候能少一点"],
)
def test_asks_and_plain_news_stay_untold(text: str, matcher: Matcher) -> None:
    assert not tells_burden(matcher._normal(text))


@pytest.mark.parametrize(
    "text",
    [
        "这个口查完那个口查，问的问题都一样",  # done, then done again
        "上面开完我们传达，传达完再开专题会",
        "表填完了又填",
    ],
)
def test_a_thing_done_then_done_again_is_a_burden_told(text: str) -> None:
    assert tells_burden(normalize(text))


@pytest.mark.parametrize("text", ["开完会再说", "查完了", "表填完了"])
def test_a_thing_done_once_is_no_burden_told(text: str) -> None:
    assert not tells_burden(normalize(text))


def test_a_cue_judged_too_much_or_too_bad_is_what_a_told_burden_is_about() -> None:
    assert judged_cues("会开完了盒饭太难吃，白等了半天", ("盒饭",)) == ("盒饭",)
    assert judged_cues("追责太多了，干得越多错得越多", ("追责",)) == ("追责",)
    assert judged_cues("补贴实在太少了", ("补贴",)) == ("补贴",)
    # a cue merely in the story is its scene
    assert judged_cues("天天打电话催材料，一催就是半天", ("打电话",)) == ()
    assert judged_cues("吃饭都得盯着手机，群太多了", ("吃饭",)) == ()


def test_a_told_burden_about_a_cue_declines_and_one_with_a_scene_is_answered(
    matcher: Matcher,
) -> None:
    """Tune fixes from dev-problems10 and dev-problems6: the burden is the cue's thing."""
    for question in ("会开完了盒饭太难吃，白等了半天", "追责太多了，干得越多错得越多"):
        assert matcher.match(question).decision == "decline", question
    result = matcher.match("群太多了，吃饭都得盯着手机")
    assert result.decision == "answer"
    assert result.shown[0].id == "chat-groups-too-many-pinned"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("那个工作群很久没人说话了，还在那儿放着", "chat-groups-six-kinds"),
        ("那个上面查完了就是发个文件，也不说具体咋干", "inspections-discipline-lead"),
    ],
)
def test_that_said_as_a_pause_before_a_burden_told_points_at_nothing(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    """那个 heading a burden told is dictation's pause, not one group or inspection."""
    result = matcher.match(question)
    assert result.decision == "answer"
    assert result.matches[0].fact.id == fact_id
