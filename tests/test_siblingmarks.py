"""What a burden says it is tells one topic's facts apart (siblingmarks.py, sibling_marks.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import KBError
from bot.kb import load_kb
from bot.search.matcher import Matcher
from bot.search.normalize import normalize
from bot.search.ranked import Match
from bot.search.siblingmarks import NEAR, TITLED_NEAR, TOLD_NEAR, SiblingMarks

KB = load_kb()
FACT = KB.by_id


def _ranked(*scored: tuple[str, float]) -> list[Match]:
    return [Match(FACT[fact_id], score) for fact_id, score in scored]


MARKS = SiblingMarks(
    {
        "meetings-twice-a-month": ["(?:\\d+|十)\\s*(?:来)?\\s*个会"],
        "meetings-short-speeches": ["讲话|发言"],
    }
)


def test_a_close_sibling_whose_marks_are_said_goes_first_at_the_best_score() -> None:
    """开了十来个会 says how many meetings: the count's fact goes before the speeches' fact,
    a hair above the best score so that a later sort by score keeps it first."""
    ranked = _ranked(("meetings-short-speeches", 49.0), ("meetings-twice-a-month", 45.0))
    first, second = MARKS.reordered("这个月开了 10 来个会", ranked)
    assert first.fact.id == "meetings-twice-a-month" and first.score > 49.0
    assert (second.fact.id, second.score) == ("meetings-short-speeches", 49.0)


def test_the_best_match_stays_when_its_own_marks_are_said() -> None:
    """领导讲话太长，一周 5 个会: both burdens said, the ranking decides."""
    ranked = _ranked(("meetings-short-speeches", 49.0), ("meetings-twice-a-month", 45.0))
    assert MARKS.reordered("领导讲话太长 一周 5 个会", ranked) == ranked


def test_a_sibling_far_behind_or_on_another_topic_never_goes_first() -> None:
    far = _ranked(("meetings-short-speeches", 60.0), ("meetings-twice-a-month", 60.0 - NEAR - 1))
    assert MARKS.reordered("开了 6 个会", far) == far
    other = SiblingMarks({"forms-weekly-cap": ["6 个会"]})
    ranked = _ranked(("meetings-short-speeches", 49.0), ("forms-weekly-cap", 48.0))
    assert other.reordered("开了 6 个会", ranked) == ranked


def test_in_a_burden_told_a_sibling_further_behind_may_go_first() -> None:
    """上个月去参加了十几个会: the scene's 参加 lifts the weekly meeting's fact more than NEAR
    ahead; told, what the burden is (how many) decides from TOLD_NEAR, asked it does not."""
    gap = (NEAR + TOLD_NEAR) / 2
    ranked = _ranked(("meetings-short-speeches", 56.0), ("meetings-twice-a-month", 56.0 - gap))
    assert MARKS.reordered("开了 6 个会", ranked) == ranked
    first = MARKS.reordered("开了 6 个会", ranked, told=True)[0]
    assert first.fact.id == "meetings-twice-a-month" and first.score > 56.0
    far = _ranked(("meetings-short-speeches", 56.0), ("meetings-twice-a-month", 55.0 - TOLD_NEAR))
    assert MARKS.reordered("开了 6 个会", far, told=True) == far


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("上个月去参加了十几个会，一半时间不在岗", "meetings-twice-a-month"),  # dev-problems11
        ("就算是抽查也不敢马虎，每次都得全员上阵准备", "inspections-fewer-rounds"),  # dev-problems5
    ],
)
def test_a_sibling_a_burden_told_says_goes_first_from_further(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    assert matcher.prepare(question).ranked[0].fact.id == fact_id


def test_a_best_match_without_marks_is_never_moved() -> None:
    """A fact the curator gave no marks (how many groups were dissolved) is not outranked by
    a sibling's marks: nothing says the question is not about it."""
    ranked = _ranked(("chat-groups-190-dissolved", 50.0), ("chat-groups-six-kinds", 48.0))
    marks = SiblingMarks({"chat-groups-six-kinds": ["僵尸"]})
    assert marks.reordered("僵尸群解散了多少", ranked) == ranked


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("这个月已经开了十来个会了，下村的时间全挤没了", "meetings-twice-a-month"),
        ("检查组只翻台账，材料少一页就扣分，没人去老百姓家看看", "inspections-unannounced-visits"),
        ("昨天说这么填，今天又说那么填，到底听谁的", "forms-stable-templates"),
        ("同一个贫困户的收入，这个月已经报了四遍了", "forms-one-figure-one-form"),
        # the groups' number growing is the burden, not what the slimming left
        ("工作群怎么就越建越多了，成了负担", "chat-groups-too-many-pinned"),
        ("群为啥越来越多，都成负担了", "chat-groups-too-many-pinned"),
    ],
)
def test_a_burden_told_ranks_the_sibling_it_says_first(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    """Each of these ranked a sibling of the same topic first without the marks."""
    assert matcher.prepare(question).ranked[0].fact.id == fact_id


def test_what_the_slimming_left_is_the_lighter_phones_mark() -> None:
    shipped = SiblingMarks(KB.sibling_marks)
    assert shipped.says("chat-groups-phone-lighter", "整改以后群少了一半")
    assert shipped.says("chat-groups-phone-lighter", "手机变轻了没有")
    assert not shipped.says("chat-groups-phone-lighter", "工作群越建越多")
    assert shipped.says("chat-groups-too-many-pinned", "工作群越建越多")


def test_a_phone_full_of_groups_is_the_too_many_groups_mark() -> None:
    """全是工作群, 群数突破 40 个: too many groups, said without 太多."""
    shipped = SiblingMarks(KB.sibling_marks)
    assert shipped.says("chat-groups-too-many-pinned", "手机里全是工作群")
    assert shipped.says("chat-groups-too-many-pinned", "手机群数突破 40 个")
    assert not shipped.says("chat-groups-too-many-pinned", "全是开会")


@pytest.mark.parametrize("text", ["通知在五六个群里各转一遍", "一个人管三个群", "十几个群天天响"])
def test_a_count_of_groups_in_words_is_the_too_many_groups_mark(text: str) -> None:
    """Small and rough counts stay words in normal form: a count said in words is a count."""
    assert SiblingMarks(KB.sibling_marks).says("chat-groups-too-many-pinned", normalize(text))


def test_one_group_or_which_groups_is_no_count_of_many() -> None:
    shipped = SiblingMarks(KB.sibling_marks)
    for text in ("拉了一个群", "哪几个群该撤"):
        assert not shipped.says("chat-groups-too-many-pinned", normalize(text))


def test_the_shipped_marks_name_facts_that_exist() -> None:
    assert KB.sibling_marks and set(KB.sibling_marks) <= set(FACT)


def test_an_unknown_fact_or_a_broken_pattern_is_a_problem(kb_copy: Path) -> None:
    (kb_copy / "responses" / "sibling_marks.yaml").write_text(
        "meetings-nothing: ['会']\nmeetings-twice-a-month: ['(次']\n", encoding="utf-8"
    )
    with pytest.raises(KBError) as caught:
        load_kb(kb_copy)
    messages = " ".join(p.message for p in caught.value.problems)
    assert "'meetings-nothing' is no fact" in messages
    assert "does not compile" in messages


def test_the_marks_are_optional(kb_copy: Path) -> None:
    (kb_copy / "responses" / "sibling_marks.yaml").unlink()
    assert load_kb(kb_copy).sibling_marks == {}


def test_one_burden_named_alone_is_told_apart_from_two() -> None:
    marks = SiblingMarks({"meetings-short-speeches": ["讲话"], "meetings-twice-a-month": ["个会"]})
    ranked = _ranked(("meetings-short-speeches", 40.0), ("meetings-twice-a-month", 30.0))
    assert marks.names_one("领导讲话一讲一上午", ranked)
    assert not marks.names_one("领导讲话太长 一周 5 个会", ranked)  # two of the topic's burdens
    assert not marks.names_one("一周 5 个会", ranked)  # not the best match's burden
    assert not marks.names_one("领导讲话", [])


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("发言稿写了三千字，念完会都开了半天", "meetings-short-speeches"),
        ("一听说要来检查，全乡上下都得动员起来", "inspections-fewer-rounds"),
        ("拉群太随便了，一个事拉一个群", "chat-groups-six-kinds"),  # at whim (story.py)
        ("检查组只翻台账，材料少一页就扣分，没人去老百姓家看看", "inspections-unannounced-visits"),
        # summoned to meetings, the work left: how often (declined before round 25)
        ("乡里一个电话又通知去开会，手上的活全停了", "meetings-twice-a-month"),
        # asked whether a measure may lift it (dev-intent, dev-problems3, dev-subjects)
        ("能不能几家一起来查，别一家一家排队来", "inspections-joint"),
        ("各部门的河长制督查、耕地督查、乡村振兴考核能不能合并起来", "inspections-joint"),
    ],
)
def test_a_burden_told_that_names_its_fact_is_answered(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    """Stated, not asked, of a topic it names, saying one fact's burden: answered on a lower
    bar than a question (bars.BURDEN_BAR), though words the facts do not know stay in it."""
    result = matcher.match(question)
    assert (result.decision, result.matches[0].fact.id) == ("answer", fact_id)


@pytest.mark.parametrize(
    "question",
    [
        "小王说群太多",  # what a colleague said
        "家里老人总是一件事问好几遍",  # names no topic of ours
        "这礼拜又开会，会议室在几楼",  # asks where
        "迎检期间能不能请婚假",  # asks may it be, but no measure: a leave, not the burden lifted
    ],
)
def test_what_is_not_ones_own_burden_told_is_not_answered_that_way(
    matcher: Matcher, question: str
) -> None:
    assert not matcher.prepare(question).burden_named


@pytest.mark.parametrize(
    ("question", "fact_id", "not_fact_id"),
    [
        # 开了六个会 reads 开会了六个 once classifiers.py joins verb and object: still how many
        ("这礼拜开了六个会", "meetings-twice-a-month", "meetings-one-topic-once"),
        # a count held on one subject named is the same again (回 is read as 次 before this)
        ("防汛这一件事，这个礼拜开了三回会", "meetings-one-topic-once", "meetings-twice-a-month"),
        ("这礼拜光安全生产就被叫去坐了三回", "meetings-one-topic-once", "meetings-twice-a-month"),
        ("天天手指头点得发麻", "chat-groups-phone-lighter", "chat-groups-six-kinds"),
        ("一天到晚往乡里跑开会", "meetings-twice-a-month", "meetings-short-speeches"),
        ("又让去县里开会", "meetings-twice-a-month", "meetings-one-topic-once"),
        ("活干完了群就没用了", "chat-groups-six-kinds", "chat-groups-too-many-pinned"),
        ("这几个群早就不用了", "chat-groups-six-kinds", "chat-groups-phone-lighter"),
        # burdens told plainly (round 28; test_told_plainly.py has the rest)
        ("领导讲完副职讲", "meetings-short-speeches", "meetings-one-topic-once"),
        ("一样的事，今儿开个会明儿又开个会", "meetings-one-topic-once", "meetings-short-speeches"),
        ("天天一张 有时一天三张", "forms-weekly-cap", "forms-stable-templates"),
    ],
)
def test_shipped_marks_read_the_normalised_question(
    matcher: Matcher, question: str, fact_id: str, not_fact_id: str
) -> None:
    shipped = SiblingMarks(KB.sibling_marks)
    text = matcher._normal(question)
    assert shipped.says(fact_id, text)
    assert not shipped.says(not_fact_id, text)


def test_a_sibling_whose_title_the_text_says_goes_first_from_further() -> None:
    """请问报销手续里的签字能不能少一点: 签字 is in the title 少签字、少拍照; the platform's fact,
    told in the same 报销 scene, leads by more than NEAR on the scene's words."""
    signatures = {"forms-data-platform": ["平台"], "forms-fewer-signatures-photos": ["签字|盖章"]}
    marks = SiblingMarks(signatures, KB.facts)
    gap = (NEAR + TITLED_NEAR) / 2
    ranked = _ranked(("forms-data-platform", 70.0), ("forms-fewer-signatures-photos", 70.0 - gap))
    assert marks.reordered("报销手续里的签字", ranked)[0].fact.id == "forms-fewer-signatures-photos"
    # a mark not in the title counts from NEAR only; nothing counts beyond TITLED_NEAR
    assert marks.reordered("报销手续里的盖章", ranked) == ranked
    far = _ranked(
        ("forms-data-platform", 70.0), ("forms-fewer-signatures-photos", 69.0 - TITLED_NEAR)
    )
    assert marks.reordered("报销手续里的签字", far) == far
    # without the facts' titles, NEAR is the only reach
    assert (
        SiblingMarks({"forms-fewer-signatures-photos": ["签字"]}).reordered(
            "报销手续里的签字", ranked
        )
        == ranked
    )


def test_how_many_groups_went_is_the_dissolved_groups_mark() -> None:
    """清理完群的数量: a count of the groups that went; which groups to clear is the six kinds',
    and clearing alone names neither."""
    shipped = SiblingMarks(KB.sibling_marks)
    assert shipped.says("chat-groups-190-dissolved", "清理完群的数量有个具体数字吗")
    assert shipped.says("chat-groups-190-dissolved", "有地方专门整治过微信群吗")
    assert not shipped.says("chat-groups-190-dissolved", "一个通知在好几个群里来回转")
    assert shipped.says("chat-groups-six-kinds", "哪些群应该解散")
    assert not shipped.says("chat-groups-six-kinds", "工作群该怎么清理")


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("请问报销手续里的签字能不能少一点", "forms-fewer-signatures-photos"),
        ("以前办个报销要拍几次照", "forms-fewer-signatures-photos"),
        ("老百姓办个报销要反复确认信息，咋整", "forms-data-platform"),
    ],
)
def test_signatures_and_photos_told_in_the_claims_scene(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    assert matcher.prepare(question).ranked[0].fact.id == fact_id


def test_one_figure_into_many_forms_is_the_one_figure_mark() -> None:
    """一个数填那么多表: one figure asked in many forms, not a form every day."""
    shipped = SiblingMarks(KB.sibling_marks)
    assert shipped.says("forms-one-figure-one-form", "有啥办法不用一个数填那么多表")
    assert shipped.says("forms-one-figure-one-form", "一个数据报好几份表")
    assert not shipped.says("forms-one-figure-one-form", "一天填一张表")
    assert not shipped.says("forms-one-figure-one-form", "一个月填那么多表")


def test_a_long_message_asking_to_fill_one_figure_once_gets_its_fact(matcher: Matcher) -> None:
    """The ask alone ranked the form-a-day fact a hair ahead of the one-figure one."""
    result = matcher.match(
        "刚下班，坐在回家的车上，想起来问问大家。同一个数据我这个月已经往上报了五遍了，"
        "表不一样数是一样的，真的想骂人。有啥办法不用一个数填那么多表"
    )
    assert result.answered and result.shown[0].id == "forms-one-figure-one-form"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # how many groups a clean-up dissolved (its figure, its effect): the 190 groups
        ("想找个清理工作群成效明显的例子", "chat-groups-190-dissolved"),
        ("清理工作群有具体数字吗", "chat-groups-190-dissolved"),
        # which groups to clean up: the six kinds
        ("哪些工作群应该清理", "chat-groups-six-kinds"),
        ("清理工作群有什么标准", "chat-groups-six-kinds"),
    ],
)
def test_a_clean_up_of_groups_asked_by_its_figure_or_by_its_kinds(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    result = matcher.match(question)
    assert result.answered and result.shown[0].id == fact_id


def test_fewer_meetings_held_is_the_count_mark() -> None:
    """少开 is the twice-a-month fact's own 把会开少; a subject met again stays the same-again
    fact's (同一主题的会能不能少开)."""
    shipped = SiblingMarks(KB.sibling_marks)
    assert shipped.says("meetings-twice-a-month", "会少开几次 多留点时间干实事")
    assert shipped.says("meetings-twice-a-month", "会能不能少开点")
    assert not shipped.says("meetings-twice-a-month", "同一主题的会能不能少开")


def test_fewer_meetings_asked_gets_the_count_fact(matcher: Matcher) -> None:
    """Read whole, the same-again fact led the count's by 2 points."""
    result = matcher.match("会少开几次，多留点时间干实事，有这样做的没")
    assert result.answered and result.shown[0].id == "meetings-twice-a-month"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # running back and forth for signatures: the signatures' fact
        ("一个签字村里签完乡里签，来回跑好几趟", "forms-fewer-signatures-photos"),
        (
            "我们乡里干部给老百姓办个报销，签字要签五六个，照片拍了四回，老百姓跟着来回跑",
            "forms-fewer-signatures-photos",
        ),
        # running back and forth to confirm the same things: the data platform's
        ("老百姓办事来回跑好几趟怎么办", "forms-data-platform"),
        ("群众来办事要来回跑，信息确认好几遍", "forms-data-platform"),
    ],
)
def test_running_back_and_forth_goes_with_what_it_is_for(
    matcher: Matcher, question: str, fact_id: str
) -> None:
    assert matcher.prepare(question).ranked[0].fact.id == fact_id


@pytest.mark.parametrize(
    ("fact_id", "text"),
    [
        ("forms-weekly-cap", "表多到爆 天天一张"),
        ("forms-weekly-cap", "有时一天 3 张"),
        ("forms-weekly-cap", "有时一天三张"),
        ("chat-groups-too-many-pinned", "早上要在群里报到签到"),
        ("chat-groups-too-many-pinned", "村里的事全靠群接龙"),
        ("chat-groups-too-many-pinned", "散了会还要在群里接龙"),
    ],
)
def test_checking_in_and_a_count_of_forms_a_day_are_their_facts_marks(
    fact_id: str, text: str
) -> None:
    """用群来打卡留痕 and 一天至少一表 are the facts' own words: said, they say the burden."""
    assert SiblingMarks(KB.sibling_marks).says(fact_id, normalize(text))


def test_clocking_in_alone_is_no_mark_of_the_too_many_groups() -> None:
    """钉钉签到 says no group; 打卡 the screenshots' and the six kinds' facts say as well."""
    shipped = SiblingMarks(KB.sibling_marks)
    for text in ("钉钉签到忘了", "打卡留痕的群"):
        assert not shipped.says("chat-groups-too-many-pinned", normalize(text))


def test_one_form_a_week_is_no_count_of_forms_a_day() -> None:
    shipped = SiblingMarks(KB.sibling_marks)
    for text in ("一周一张表", "三张表一样的内容"):
        assert not shipped.says("forms-weekly-cap", normalize(text))


def test_a_count_of_forms_a_day_puts_the_weekly_cap_first(matcher: Matcher) -> None:
    """dev-problems16: the templates' fact led by 0.7 and says none of its marks."""
    best = matcher.prepare("表多到爆 天天一张 有时一天三张 周末也在天表").ranked[0]
    assert best.fact.id == "forms-weekly-cap"


def test_who_leads_is_no_mark_of_the_joint_inspection() -> None:
    """联合检查由哪个部门牵头 asks who leads (县纪委牵头): the joint inspection is only named."""
    shipped = SiblingMarks(KB.sibling_marks)
    assert not shipped.says("inspections-joint", normalize("联合检查由哪个部门牵头"))
    assert not shipped.says("inspections-joint", normalize("联合检查现在是谁牵头"))
    assert shipped.says("inspections-joint", normalize("各部门分头来查"))
    assert shipped.says("inspections-discipline-lead", normalize("联合检查由哪个部门牵头"))


def test_asked_who_leads_the_joint_inspection_the_lead_answers(matcher: Matcher) -> None:
    """dev-intent: the joint inspection led by 16 points; 牵头 is in 纪委牵头、指导具体."""
    best = matcher.prepare("联合检查由哪个部门牵头？").ranked[0]
    assert best.fact.id == "inspections-discipline-lead"
