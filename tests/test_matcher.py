"""The matcher answers everyday questions with the right fact and declines the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer.render import Renderer, Reply
from bot.kb import load_kb
from bot.search.asides import without_asides, without_self_introduction
from bot.search.matcher import Matcher, Result, Thresholds
from bot.search.normalize import MAX_INPUT_CHARS, normalize


def render(result: Result, matcher: Matcher) -> Reply:
    return Renderer(matcher.kb).result(result, matcher)


def _top(result: Result) -> str | None:
    return result.best.fact.id if result.best else None


def test_normalize_folds_traditional_width_case_emoji_and_punctuation() -> None:
    """Traditional, full-width, capitals, emoji and punctuation all fold to one plain form."""
    assert normalize("迎檢材料還要準備嗎？😂 ＱＱ群！") == "迎检材料还要准备吗 qq群"
    assert normalize("190个群") == "190 个 群"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("两百多次会", "200 多次会"),
        ("三十多个群", "30 多个群"),
        ("十几场会", "十几场会"),
        ("几十个群", "几十个群"),
        ("二十几张表", "二十几张表"),
    ],
)
def test_normalize_turns_figures_into_digits_but_leaves_vague_counts(
    typed: str, expected: str
) -> None:
    """两百多 is about 200, the article's figure; 十几 and 几十 are no figure at all."""
    assert normalize(typed) == expected


@pytest.mark.parametrize(
    ("spoken", "digits"),
    [
        ("一百九", "190"),
        ("两千五", "2500"),
        ("一百零九", "109"),
        ("三百五十", "350"),
        ("十五", "15"),
    ],
)
def test_chinese_numerals_read_as_people_say_them(spoken: str, digits: str) -> None:
    """一百九 is 190 (the tens left unsaid), 一百零九 is 109."""
    assert normalize(spoken) == digits


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("一九零个群", "190 个 群"),  # digits read one by one, a zero among them
        ("二〇一六年", "2016 年"),
        ("一九九九年", "1999 年"),  # a year
        ("三五个群", "三五个群"),  # a vague count stays
        ("零零星星", "零零星星"),
        ("群少了30%", "群少了百分之 30"),  # as 百分之三十 is read
        ("群少了百分之三十", "群少了百分之 30"),
        ("群少了50%", "群少了一半"),  # a half, as the article says it (unitwords.py)
        ("一周3天都在迎检", "一周 3 天 都在迎检"),  # a measure word ends the count
        ("解散190余个群", "解散 190 余个群"),
        ("七月底前", "7 月底前"),  # the month as the article writes it
        ("一月最多两次", "一月最多两次"),  # a month's length, as often as January
    ],
)
def test_normalize_reads_digits_said_one_by_one_and_per_cent(typed: str, expected: str) -> None:
    assert normalize(typed) == expected


def test_normalize_reads_traditional_particles_and_variants() -> None:
    """盯著 is 盯着 (著名 stays); 衞 is 卫, not a stray character that sounds like 微; a
    simplified 么 stays 么 (Taiwan's table alone would make it 幺)."""
    assert normalize("檢查組還盯著臺賬") == "检查组还盯着台账"
    assert normalize("著名") == "著名"
    assert normalize("衞生檢查甚麼時候") == "卫生检查什么时候"
    assert normalize("会太多么办") == "会太多么办"


def test_normalize_reads_older_variant_forms() -> None:
    """囘, 靑, 値, 亊, 効 are older forms of 回, 青, 值, 事, 效 that OpenCC leaves alone; read
    first, they convert with their phrase (囘覆 → 回复)."""
    assert normalize("囘覆") == "回复"
    assert normalize("靑年値班的亊") == "青年值班的事"
    assert normalize("開會的効果") == "开会的效果"
    assert normalize("塡表擧手") == "填表举手"


def test_normalize_reads_japanese_forms() -> None:
    """検査, 発言, 実地, 県 (新字体, from a Japanese keyboard or a copied text) are 检查, 发言,
    实地, 县; shapes Chinese uses itself stay (芸芸, 予以, 欠缺)."""
    assert normalize("検査組の実地調査 発言時間 県") == "检查组 实地调查 发言时间 县"
    assert normalize("芸芸众生予以欠缺") == "芸芸众生予以欠缺"


def test_normalize_drops_tone_marks_from_pinyin() -> None:
    """kāihuì is kaihui and lǜ is lv, as a phone keyboard types them."""
    assert normalize("kāihuì tài duō") == "kaihui tai duo"
    assert normalize("Lǜsè ü") == "lvse v"


def test_normalize_drops_tone_numbers_from_pinyin() -> None:
    """hui4yi4 tai4 duo1 is huiyi tai duo; one digit after letters may be a name's (wifi6)."""
    assert normalize("hui4yi4 tai4 duo1") == "huiyi tai duo"
    assert normalize("KAI1HUI4太多") == "kaihui太多"
    assert normalize("wifi6 信号") == "wifi 6 信号"


def test_normalize_says_a_casual_verb_once() -> None:
    """降一降 is 降; a measure word around 一 (一个一个, 一天一表) is left alone."""
    assert normalize("能不能降一降") == "能不能降"
    assert normalize("一个一个来") == "一个一个来"
    assert normalize("一天一表") == "一天一表"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("我是村里的扶贫专干，工作群太多了咋整", "工作群太多了咋整"),
        ("各位好，本人是社区书记，领导讲话太长", "领导讲话太长"),  # a greeting too
        ("我在街道办工作三年了，模板老换", "模板老换"),
        ("作为一名驻村干部，签字太多了", "签字太多了"),
        ("我是扶贫专干", "我是扶贫专干"),  # nothing else is asked
        ("我在街道开会，一开就是半天", "我在街道开会，一开就是半天"),  # that is the ask
        ("我是说群太多了，怎么办", "我是说群太多了，怎么办"),
        ("本人在县扶贫办，表格模板老换", "表格模板老换"),  # where they sit, said bare
        ("您好，村干部一名，群太多了", "群太多了"),
        ("我们是个小乡镇，会太多", "会太多"),
        ("我在群里发截图，还被批评", "我在群里发截图，还被批评"),  # that is the ask
        ("您好😊我是社区书记👍会太多了", "会太多了"),  # an emoji ends a clause
        ("王书记好^_^ 表格天天报", "表格天天报"),  # whom it asks, greeted
        ("尊敬的领导您好，会太多", "会太多"),
        ("领导讲话太长了，怎么办", "领导讲话太长了，怎么办"),  # that is the ask
        ("emm 那个 我们单位群太多", "我们单位群太多"),  # spoken filler
        ("那个会推到下周了", "那个会推到下周了"),  # that one meeting
    ],
)
def test_self_introduction_is_left_out(typed: str, expected: str) -> None:
    """Who asks (我是…的扶贫专干) is not what is asked."""
    assert without_self_introduction(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("【转】会太多了怎么办", "会太多了怎么办"),
        ("转发一条：迎检太频繁", "迎检太频繁"),
        ("同事转给我的问题：群太多", "群太多"),
        ("帮领导问一下：表能不能少点", "表能不能少点"),
        ("【求助】会太多了怎么办", "会太多了怎么办"),  # a forum tag
        ("回复@张三：会上讲话太长", "会上讲话太长"),  # a reply's address
        ("//转发自县委办：迎检太频繁", "迎检太频繁"),
        ("转发通知太多了", "转发通知太多了"),  # 转发 is what is asked about
        ("通知转来转去：烦", "通知转来转去：烦"),
    ],
)
def test_a_forwarding_mark_is_left_out(typed: str, expected: str) -> None:
    """Where a message came from (【转】, 同事转给我的问题：) is not what it asks."""
    assert without_asides(typed) == expected


@pytest.mark.parametrize("question", ["你的资料多久更新", "怎么拉你进我们乡的工作群"])
def test_asks_about_the_bot_itself_are_declined(matcher: Matcher, question: str) -> None:
    """The bot's own data, or adding it to a group, is no measure's subject."""
    assert matcher.match(question).decision == "decline"


def test_self_introduction_does_not_pull_its_own_facts(matcher: Matcher) -> None:
    """扶贫专干 and 村里 name facts about forms; the question is about work groups."""
    result = matcher.match("我是村里的扶贫专干，想问下工作群太多了咋整")
    assert result.decision == "answer"
    assert result.matches[0].fact.topic == "chat-groups"


def test_normalize_says_a_letter_run_thrice() -> None:
    """hhhhh and emmmmm are the listed hhh and emmm, however long the laugh or sigh."""
    assert normalize("群太多 hhhhhh Emmmmm") == "群太多 hhh emmm"


def test_letters_around_a_question_are_neutral(matcher: Matcher) -> None:
    """hi, ok, thx, hhh carry no subject, and listing them cuts nothing out of pinyin."""
    assert matcher.match("hi 群太多 hhhhh").shown[0].id == "chat-groups-too-many-pinned"
    assert matcher.match("ok 想问下 fayan shijian xianzhi thx").shown[0].id == (
        "meetings-short-speeches"
    )


def test_normalize_caps_long_input() -> None:
    """A 5000-character message is cut to the same bounded length as any long one."""
    assert len(normalize("会" * 5000)) == MAX_INPUT_CHARS


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("检查组还看台账吗", "inspections-unannounced-visits"),
        ("檢查組還看臺賬嗎", "inspections-unannounced-visits"),  # traditional
        ("检茶组还看台账吗", "inspections-unannounced-visits"),  # homophone
        ("jiancha hai kan taizhang ma", "inspections-unannounced-visits"),  # Latin pinyin
        ("表哥太多", "forms-weekly-cap"),  # 表哥 sounds like 表格
        ("一个数据要填好几张表咋整", "forms-one-figure-one-form"),
        ("海港区解散了多少个群", "chat-groups-190-dissolved"),
        ("发言能限时吗", "meetings-short-speeches"),
        ("僵尸群作秀群", "chat-groups-six-kinds"),
        ("检查组只看台仗", "inspections-unannounced-visits"),  # jieba took 看台; 台仗 is 台账
        ("工群太多刷不完", "chat-groups-too-many-pinned"),  # 作 left out of 工作群
        ("检查zu只看cailiao", "inspections-unannounced-visits"),  # pinyin among characters
        ("huiyi jilu hai yao jiancha ma", "meetings-light-records"),  # one ask, not two
        ("填表的频率能不能降一降", "forms-weekly-cap"),  # 降一降 is 降, said casually
    ],
)
def test_answers_everyday_questions(matcher: Matcher, question: str, fact_id: str) -> None:
    """Typical, traditional, homophone and pinyin questions reach the intended fact."""
    result = matcher.match(question)
    assert (result.decision, _top(result)) == ("answer", fact_id)


def test_meeting_overload_is_about_meetings(matcher: Matcher) -> None:
    """ "会太多怎么办" splits into 会/太多 and lands on a meeting fact."""
    result = matcher.match("会太多怎么办")
    assert result.decision in ("answer", "suggest")
    assert result.best is not None and result.best.fact.topic == "meetings"


@pytest.mark.parametrize(
    "question",
    [
        "打印机卡纸了怎么办",
        "微信群怎么改名",
        "单位体检是哪天",
        "今天天气怎么样",
        "工资什么时候发",
        "扶贫资金怎么申请",  # 申请 is an off-topic cue: it asks for an operation, not a measure
        "gongzuoqun zenme chehui xiaoxi",  # 怎么撤回, typed in pinyin, still asks how to operate
        "qq qun mima wangle",  # 密码 typed in pinyin is still a cue
        "hui jia",  # 回家, an everyday word, not 会 (meetings) + 家
        "jintian tianqi zenmeyang",  # 天气 is no 填 + 起
        "会议纪要咋写",  # 咋 is said for 怎么: how to write one, no measure
        "洋湖乡咋走",  # the way there, not what the township did
        "",
    ],
)
def test_declines_off_topic_and_near_misses(matcher: Matcher, question: str) -> None:
    """Questions that only share words with the KB get no fact."""
    assert matcher.match(question).decision in ("decline", "help")


@pytest.mark.parametrize("greeting", ["你好", "在吗？", "谢谢！", "/help", "/start@jianfu_bot"])
def test_greetings_get_help(matcher: Matcher, greeting: str) -> None:
    """Greetings and /help-like text get the help text, never a fact."""
    result = matcher.match(greeting)
    assert result.decision == "help"
    assert render(result, matcher).text.startswith("直接发问题就行")


def test_scores_are_bounded_and_sorted(matcher: Matcher) -> None:
    """Scores lie in 0-100 and come best first."""
    result = matcher.match("工作群太多了怎么精简")
    scores = [m.score for m in result.matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in scores)


def test_a_count_the_facts_do_not_give_is_weak_evidence(matcher: Matcher) -> None:
    """八点, 七八拨 are counts and times, not subjects: they weigh less against a match than an
    unknown word does (八哥)."""
    count = matcher.match("会开到八点")
    word = matcher.match("会开到八哥")
    assert count.analysis.unknown == ("八点",) and word.analysis.unknown == ("八哥",)
    assert count.matches[0].score > word.matches[0].score


def test_a_stopword_parts_the_characters_around_it(matcher: Matcher) -> None:
    """群太吵, taken whole by jieba's guess, is 群 + 太 + 吵: 群 stands alone, a work group."""
    analysis = matcher.analyzer.analyze(normalize("群太吵"))
    assert [t.term for t in analysis.terms] == ["工作群"]
    assert analysis.unknown == ("吵",)


def test_long_message_costs_no_more_than_its_start(matcher: Matcher) -> None:
    """A question padded to 5000 characters is judged on its capped start."""
    question = "检查组还看台账吗"
    padded = question + "。" + "啊" * 5000
    assert _top(matcher.match(padded)) == _top(matcher.match(question))


def test_answer_reply_shows_measure_example_quote_and_source(matcher: Matcher) -> None:
    """The private-chat reply is the fact's title, measure, example, quote and citation."""
    reply = render(matcher.match("检查组还看台账吗"), matcher)
    fact = matcher.kb.by_id["inspections-unannounced-visits"]
    plain, html = Renderer(matcher.kb).fact_lines(fact)
    assert reply.text.startswith(plain)
    assert reply.html.startswith(html)
    assert reply.facts == (fact,)
    assert plain.splitlines()[0] == f"【{fact.title}】"
    assert (
        plain.splitlines()[-1]
        == "来源：人民日报《减负看得见 一线变化多》（第一落点·关注基层减负②）"
    )
    assert f"<blockquote>{fact.quote}</blockquote>" in html


def test_not_found_reply_offers_examples(matcher: Matcher) -> None:
    """A declined question gets the honest not-found text with example questions."""
    reply = render(matcher.match("打印机卡纸了怎么办"), matcher)
    assert reply.text.startswith("抱歉，资料里没有找到能回答这个问题的做法。")
    assert "· 会太多怎么办" in reply.text
    assert reply.facts == ()


def test_suggest_offers_titles(_session_cache: Path) -> None:
    """Below the answer bar, the reply lists the candidates' titles and carries them for buttons."""
    thresholds = Thresholds(answer=101.0, suggest=40.0, margin=8.0)
    cautious = Matcher(load_kb(), thresholds, cache_dir=_session_cache)
    result = cautious.match("开会时间太长怎么办")
    assert result.decision == "suggest"
    reply = render(result, cautious)
    assert reply.text.startswith("没有十分把握")
    choices = [row[0] for row in reply.buttons]
    assert len(choices) >= 2
    assert [b.label for b in choices] == [m.fact.title for m in result.matches[: len(choices)]]
    assert reply.facts == ()


def test_offtopic_cue_is_reported_in_the_analysis(matcher: Matcher) -> None:
    """Cue words are kept apart from terms and unknown words, so they weigh on their own."""
    analysis = matcher.match("扶贫资金怎么申请").analysis
    assert analysis.cues == ("申请",)
    assert "申请" not in analysis.unknown


def test_normal_form_kept_is_the_one_computed_afresh(matcher: Matcher) -> None:
    """The matcher keeps a few texts' mainland normal forms: each is what the regional,
    stutter and classifier rewrites give that text, whichever texts came before it."""
    texts = ["開會太多了", "盖个章要跑三趟", "严严格要求留痕", "使唔使开会"]
    for text in (*texts, *texts):
        afresh = matcher.classifiers.joined(
            matcher.regional.mainland(matcher.stutter(normalize(text)))
        )
        assert matcher._normal(text) == afresh
    assert matcher._normal("盖个章要跑三趟") == "盖章要跑三趟"


def test_a_question_asked_again_is_read_once(matcher: Matcher) -> None:
    # The same FAQ from many groups, or an inline query sent again, reads from the memo:
    # the very same reading comes back, and the answer with it.
    first = matcher.prepare("各位，会太多了咋整呀")
    assert matcher.prepare("各位，会太多了咋整呀") is first
    assert matcher.match("各位，会太多了咋整呀") == matcher.match("各位，会太多了咋整呀")
    assert _top(matcher.match("各位，会太多了咋整呀")) == _top(matcher.match("会太多怎么办"))


def test_tones_typed_are_part_of_what_is_remembered(matcher: Matcher) -> None:
    # yi2ge4 and yige are different questions to the memo: the tones change the reading.
    assert matcher.prepare("yi2ge4 qun2") is not matcher.prepare("yige qun")


def test_guang_hui_is_knowing_how_not_a_meeting(matcher: Matcher) -> None:
    """光会下文件催: only knows how to press with directives (userdict.txt keeps 光会 whole);
    no meeting is named, so no meetings fact comes beside the directives one."""
    result = matcher.match("光会下文件催，具体怎么弄谁也不讲，干着急")
    assert result.answered
    assert [f.id for f in result.shown] == ["inspections-discipline-lead"]
    assert "meetings" not in matcher.prepare("光会下文件催").topics_named
