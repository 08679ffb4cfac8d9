"""A topic named only as the channel a burden arrives by: 群里又发了三张表 is about the forms."""

from __future__ import annotations

from bot.search.channel import Channels, as_channel, as_time
from bot.search.matcher import Matcher
from bot.search.query import QueryAnalysis, QueryTerm


def _terms(matcher: Matcher, question: str) -> set[str]:
    analysis, _ = matcher.rank(matcher._normal(question))
    return {qt.term for qt in analysis.terms}


def test_a_group_or_meeting_named_as_a_place_or_a_destination_is_a_channel() -> None:
    assert as_channel(QueryTerm("工作群", 1.0, "群里"), "群里又发了三张表")
    assert as_channel(QueryTerm("会议", 1.0, "会上"), "会上布置了一堆表")
    assert as_channel(QueryTerm("工作群", 1.0, "群"), "表填完了还要发群")
    assert not as_channel(QueryTerm("工作群", 1.0, "群"), "群太多，表也多")
    assert not as_channel(QueryTerm("表格", 1.0, "表"), "群里发表让填")  # 表 is no destination
    # the meeting hall is where the burden is; the record is no place
    assert not as_channel(QueryTerm("会议", 1.0, "会场"), "整天泡在会场里")
    assert not as_channel(QueryTerm("会议记录", 1.0, "会议记录"), "会议记录上面还查不查")


def test_a_group_or_meeting_named_in_full_before_a_place_is_a_channel() -> None:
    assert as_channel(QueryTerm("工作群", 1.0, "工作群"), "工作群里天天催报表")
    assert as_channel(QueryTerm("工作群", 1.0, "微信群"), "微信群里又发了三张表")
    assert as_channel(QueryTerm("会议", 1.0, "大会"), "大会上布置了一堆表")
    assert not as_channel(QueryTerm("工作群", 1.0, "工作群"), "工作群太多，表也多")


def test_forms_chased_in_a_work_group_are_about_the_forms(matcher: Matcher) -> None:
    assert "工作群" not in _terms(matcher, "工作群里天天催报表，一周能不能最多只填一张")
    result = matcher.match("工作群里天天催报表，一周能不能最多只填一张")
    assert result.shown and all(f.topic == "forms" for f in result.shown)


def test_forms_sent_through_a_group_are_about_the_forms(matcher: Matcher) -> None:
    assert "工作群" not in _terms(matcher, "群里一天发好几个表让填，能不能少点")
    result = matcher.match("群里一天发好几个表让填，能不能少点")
    assert result.shown and all(f.topic == "forms" for f in result.shown)


def test_the_group_stays_where_it_is_the_burden(matcher: Matcher) -> None:
    assert "工作群" in _terms(matcher, "群里消息太多了")  # nothing else names a topic
    assert "工作群" in _terms(matcher, "在群里天天截图打卡")  # its own topic's words
    # photos sent to a group are the screenshots fact's own story
    assert "工作群" in _terms(matcher, "入户走访要拍照发群里才算数")
    # a list: the group is one burden, the forms another
    assert "工作群" in _terms(matcher, "群里刷不完，表也填不完")
    assert "工作群" in _terms(matcher, "同一份文件在好几个群里转来转去以及开会太多")


def test_channels_drop_only_beside_another_topics_word_in_the_same_clause() -> None:
    topics = {"工作群": "groups", "表格": "forms", "截图": "groups"}
    channels = Channels(lambda term, typed: topics.get(term), lambda term: frozenset())
    group = QueryTerm("工作群", 1.0, "群里")
    form = QueryTerm("表格", 1.0, "表")
    shot = QueryTerm("截图", 1.0, "截图")
    told = QueryAnalysis(terms=(group, form), unknown=())
    assert channels.kept(told, "群里又要填表").terms == (form,)
    assert channels.kept(told, "群里很吵，表也多") == told
    own = QueryAnalysis(terms=(group, shot, form), unknown=())
    assert channels.kept(own, "群里要截图又要填表") == own
    held = Channels(lambda term, typed: topics.get(term), lambda term: frozenset({"groups"}))
    assert held.kept(told, "群里又要填表") == told


def test_the_time_after_a_meeting_is_no_meeting_asked() -> None:
    # jieba cuts 开完会 as 开 + 完会: both lie inside the time the burden comes after
    assert as_time(QueryTerm("会议", 1.0, "开"), "每次开完会都要在三四个群里转发同一份通知")
    assert as_time(QueryTerm("会议", 1.0, "会后"), "会后还要在群里报到")
    assert not as_time(QueryTerm("会议", 1.0, "开会"), "天天被叫去开会，回来还得填各种报表")
    # 开 typed again outside the time: the meeting is told as more than the time
    assert not as_time(QueryTerm("会议", 1.0, "开"), "开完会又开，群里还要报")


def test_a_notice_forwarded_in_groups_after_a_meeting_is_about_the_groups(
    matcher: Matcher,
) -> None:
    question = "每次开完会都要在三四个群里转发同一份通知，工作群是不是该精简了"
    assert "会议" not in _terms(matcher, question)
    result = matcher.match(question)
    assert result.shown and all(f.topic == "chat-groups" for f in result.shown)


def test_the_meeting_stays_when_its_own_burden_follows_it(matcher: Matcher) -> None:
    # the records written after the meeting are the meeting's own fact
    assert "会议" in _terms(matcher, "开完会还要把记录誊抄一遍交上去")
    result = matcher.match("会开完了还得写记录交上去，群里还要打卡，有没有地方不这么搞了")
    assert {f.topic for f in result.shown[:2]} == {"meetings", "chat-groups"}
