"""Regional wording (Taiwan, Hong Kong, Cantonese) is read as the mainland words the facts
use, from the curated table in responses/regional_words.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import KBError
from bot.kb import load_kb
from bot.search.matcher import Matcher
from bot.search.regional import Regional, pair_test

TABLE = "responses/regional_words.yaml"


def test_forms_are_replaced_longest_first_in_normal_form() -> None:
    regional = Regional({"群組": "群", "可唔可以": "可不可以", "唔": "不", "範本": "模板"})
    assert regional.mainland("工作群组太多") == "工作群太多"  # written traditional, read simplified
    assert regional.mainland("可唔可以少开") == "可不可以少开"
    assert regional.mainland("唔想开") == "不想开"
    assert regional.mainland("范本") == "模板"


def test_a_form_cutting_through_a_common_word_is_not_read(matcher: Matcher) -> None:
    """完成日期 holds no 成日 (总是), 重点解决 no 点解 (为什么): the pairs 完成 and 重点 are
    words; 我成 and 会点 are not."""
    regional = Regional(
        {"成日": "总是", "點解": "为什么", "公文": "文件", "囉": "啊"},
        pair_test(matcher.analyzer.general_frequency, lambda w: w in {"啰嗦"}),
    )
    assert regional.mainland("表格完成日期") == "表格完成日期"
    assert regional.mainland("重点解决开会多") == "重点解决开会多"
    assert regional.mainland("办公文件") == "办公文件"
    assert regional.mainland("我成日开会") == "我总是开会"
    assert regional.mainland("点解要开会") == "为什么要开会"
    assert regional.mainland("公文太多") == "文件太多"
    assert regional.mainland("讲话啰嗦") == "讲话啰嗦"  # a curated word: 啰嗦 is 时间长
    assert regional.mainland("好多啰") == "好多啊"


def test_an_english_form_counts_only_whole() -> None:
    regional = Regional({"form": "表格", "meeting": "会议"})
    assert regional.mainland("form太多") == "表格太多"
    assert regional.mainland("开meeting") == "开会议"
    assert regional.mainland("formal一点") == "formal一点"


def test_no_table_changes_nothing() -> None:
    assert Regional({}).mainland("群组") == "群组"


@pytest.mark.parametrize(
    ("regional", "mainland"),
    [
        ("工作群組太多了怎麼辦", "工作群太多怎么办"),
        ("表格範本老是換", "表格模板老是换"),
        ("評鑑太多太頻繁", "考核太多太频繁"),
        ("什麼都要拍照存證", "什么都要拍照留痕"),
        ("做咩都要影相", "做什么都要拍照"),
        ("會議紀錄使唔使寫咁詳細", "会议记录要不要写这么详细"),
        ("成日開會，點算好", "总是开会，怎么办好"),
        ("成日開meeting", "总是开会"),
        ("form太多填唔完", "表格太多填不完"),
        ("開會開超久耶", "开会开太长"),
        ("群組超多的欸", "群太多"),
        ("日日填表，累死咗", "天天填表，累死了"),  # Cantonese everyday words
        ("海港區嗰邊清理咗幾多個羣", "海港区那边清理了多少个群"),  # 嗰 is 那, not nothing
        ("wx群太多了", "微信群太多了"),  # office words typed in English
        ("Excel表格上的签字栏太多了", "表格上的签字栏太多了"),
        ("天天填excel，能少点吗", "天天填表，能少点吗"),
    ],
)
def test_regional_question_gets_the_mainland_answer(
    matcher: Matcher, regional: str, mainland: str
) -> None:
    expected = matcher.match(mainland)
    got = matcher.match(regional)
    assert expected.decision == "answer"
    assert got.decision == "answer"
    assert got.matches[0].fact.id == expected.matches[0].fact.id


def test_a_regional_tool_word_is_the_mainland_cue(matcher: Matcher) -> None:
    """列印 is 打印 and 帳號登入 账号登录: asks about tools, declined as their mainland form."""
    assert matcher.match("會議紀錄要怎麼列印").decision == "decline"
    assert matcher.match("帳號登入不了").decision == "decline"
    assert matcher.match("excel怎么合并单元格").decision == "decline"  # excel alone: the tool
    # Cantonese 點樣 + a verb asks how to: 點樣去 is 怎么去, 點樣寫 怎么写
    assert matcher.match("洋湖鄉點樣去").decision == "decline"
    assert matcher.match("會議通知點樣寫").decision == "decline"


def _write(root: Path, text: str) -> None:
    (root / TABLE).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- 群組\n", "must map each mainland word"),
        ("群: 群組\n", "must be 'mainland word: [form, ...]'"),
        ("群: ['', 群組]\n", "has an empty form"),
        ("群: [群]\n", "listed as a form of itself"),
        ("群: [群組]\n工作群: [群組]\n", "listed under both"),
        ("文件: [公文]\n", "'公文' is a cue; as '文件' it is not"),
    ],
)
def test_a_broken_table_is_named(kb_copy: Path, text: str, problem: str) -> None:
    _write(kb_copy, text)
    with pytest.raises(KBError) as caught:
        load_kb(kb_copy)
    assert any(problem in p.message and TABLE in str(p.file) for p in caught.value.problems)


def test_the_table_is_optional(kb_copy: Path) -> None:
    (kb_copy / TABLE).unlink()
    assert load_kb(kb_copy).regional_words == {}


def test_the_shipped_table_loads() -> None:
    kb = load_kb()
    assert kb.regional_words["群組"] == "群"
    assert kb.regional_words["範本"] == "模板"


def test_a_text_holding_no_form_is_left_as_it_is_without_the_full_search() -> None:
    """Most questions hold no regional form: a plain search for any form says so, and the
    full pattern (word edges for English forms) runs only when one is there. The reading is
    the full pattern's either way, on texts with forms, near misses and none."""
    regional = Regional(load_kb().regional_words)
    assert regional._pattern is not None
    forms = sorted(regional._to)
    texts = ["会太多怎么办", "", "开个meeting", "开个meetings好烦", "meeting", "screenshots要删吗"]
    texts += [f"会{form}多" for form in forms] + [f"{form}{form}" for form in forms]
    texts += [f"x{form}y" for form in forms if form.isascii()]
    assert regional._any_form is not None
    for text in texts:
        full = regional._pattern.sub(regional._replacement, text)
        assert regional.mainland(text) == full, text
        if regional._any_form.search(text) is None:
            assert full == text, text
