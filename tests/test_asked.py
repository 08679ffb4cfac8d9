"""The ask of a long message, read alone: a story told first does not sink the ask."""

from __future__ import annotations

from bot.search.asked import AskFinder
from bot.search.matcher import Matcher


def _finder(matcher: Matcher) -> AskFinder:
    return matcher.asks


def test_the_ask_is_the_last_asking_clause_from_the_one_naming_its_subject(
    matcher: Matcher,
) -> None:
    find = _finder(matcher).span
    # a vague ask reaches back to the clause naming what it asks about
    assert find(
        "今天入户走了十几家，回来还得挑照片发群里打卡，不发就说没干，这种有没有被叫停的"
    ) == ("回来还得挑照片发群里打卡，不发就说没干，这种有没有被叫停的")
    # an ask naming its subject stands alone; the closing after it is left out
    assert find("我有个朋友在社区当书记，群多得数不过来，我想问问有没有地方清理过这些群，谢谢") == (
        "我想问问有没有地方清理过这些群"
    )


def test_no_ask_is_cut_out_of_a_short_message_or_one_asking_nothing(matcher: Matcher) -> None:
    find = _finder(matcher).span
    assert find("会太多怎么办") is None
    assert find("开会太多，表也多") is None  # two clauses: read whole already
    assert find("年底了，迎检一拨接一拨，材料准备到半夜") is None  # nothing asked
    # the whole message is the ask: nothing to cut
    assert find("迎检太多，材料太多，有没有办法减一减") is None


def test_an_earlier_ask_no_measure_answers_keeps_the_message_whole(matcher: Matcher) -> None:
    find = _finder(matcher).span
    assert find("会议室怎么预约，开会的人多，群里通知了吗，这种会能不能合并开") is None


def test_a_long_story_with_its_ask_last_is_answered(matcher: Matcher) -> None:
    story = "说句心里话 上面来检查就是找茬 扣分 通报 从来不说该咋干 有没有地方检查完还手把手指导的"
    result = matcher.match(story)
    assert result.answered and result.matches[0].fact.id == "inspections-discipline-lead"
    assert result.query == story


def test_an_ask_on_another_topic_than_the_story_is_not_answered(matcher: Matcher) -> None:
    # the story is about writing a report; its last clause names a form's layout in passing
    text = (
        "我们镇的督查室就两个人，最近领导让写一份督查工作总结，要求三千字，"
        "往年的总结找不到了，格式一般是啥样的"
    )
    assert not matcher.match(text).answered


def test_a_list_of_practices_before_a_vague_ask_is_no_story(matcher: Matcher) -> None:
    result = matcher.match("暗访和联合检查，还有统一数据平台，这几个做法具体咋搞的")
    assert {f.topic for f in result.shown} == {"inspections", "forms"}


def test_a_rough_count_is_no_ask(matcher: Matcher) -> None:
    # 三十几户 counts households; the vague ask after it reaches back to what was changed
    find = matcher.asks.span
    text = "昨晚弄到一点多，把三十几户的表都填齐了，今天一早镇里说表换了，你说气人不气人"
    assert find(text) != "把三十几户的表都填齐了"


def test_a_vague_ask_reaches_back_to_a_burden_named_by_a_facts_word(matcher: Matcher) -> None:
    # no clause names a topic itself (表, 会, 检查, 群): 模板 is a fact's word, and the
    # closing yes-or-no ask (能解决不) asks as plainly as a question mark
    find = matcher.asks.span
    text = "我在山里一个村当文书，秋收刚忙完，模板隔三岔五就换，这个能解决不"
    assert find(text) == "模板隔三岔五就换，这个能解决不"
    result = matcher.match(
        "唉，累得很。我在山里一个村当文书，秋收刚忙完，模板隔三岔五就换，这个能解决不"
    )
    assert result.answered and result.matches[0].fact.id == "forms-stable-templates"
