"""Everyday substitutions as township and village cadres type them, for the rewording variants.

Written from how people talk, independently of the matcher's own word lists, so that a variant
tests the matcher rather than repeating it. Each group holds words that mean the same in the
sentences officials write to the bot; any member may become any other. Guards keep a word from
being swapped inside a longer word that means something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Swap:
    """One word (as a pattern with its guards) and what it may become."""

    pattern: re.Pattern[str]
    options: tuple[str, ...]


CLAUSE_END = r"(?=[？?！!。，,；;…~ ]|呢|啊|呀|吧|$)"


def same(*words: str, not_before: str = "", not_after: str = "") -> list[Swap]:
    """Every member of the group may become any other.

    `not_before` is a set of single characters that must not precede the word; `not_after` a
    pattern that must not follow it.
    """
    swaps = []
    for word in words:
        pattern = re.escape(word)
        if not_before:
            pattern = f"(?<![{not_before}])" + pattern
        if not_after:
            pattern += f"(?!{not_after})"
        swaps.append(Swap(re.compile(pattern), tuple(w for w in words if w != word)))
    return swaps


def one_way(word: str, *options: str, not_before: str = "", not_after: str = "") -> list[Swap]:
    """The word may become any option, not the other way round."""
    swap = same(word, not_before=not_before, not_after=not_after)[0]
    return [Swap(swap.pattern, options)]


def at_clause_end(*words: str) -> list[Swap]:
    """Ask forms that close a clause: swapped only there."""
    return [
        Swap(re.compile(re.escape(w) + CLAUSE_END), tuple(o for o in words if o != w))
        for w in words
    ]


WORDS: list[Swap] = [
    # meetings
    *same("会议太多", "会太多", "开会太多", "会开得太多", "会议一个接一个", not_after="了"),
    *same("会议太长", "会太长", "会开得太长", "开会时间太长", not_after="了"),
    *same("会议时间", "开会时间", "开会的时间"),
    *same("会议上", "会上"),
    *same("会议记录", "开会记录", "会议的记录"),
    *same("视频会议", "视频会"),
    *same("电视电话会议", "电视电话会"),
    *same("陪会", "陪着开会", "陪坐"),
    *same("念稿子", "照着稿子念", "读稿子"),
    *same("讲话稿", "发言稿"),
    *same("讲话", "发言", not_after="稿|人"),
    *same("开短会", "会开短点", "开短点的会"),
    # forms and figures
    *same("表格太多", "表太多", "报表太多", "要填的表太多", "表格一大堆", not_after="了"),
    *one_way("表格", "表", "报表"),
    *one_way("报表", "表格"),
    *same("填表", "填表格", "填各种表", not_after="人"),
    *same("重复填报", "重复报", "反复填", "来回填"),
    *same("报数", "报数据", "报数字", not_after="据|字"),
    *same("填报", "上报", not_after="表"),
    *same("样式", "格式", "模板", not_after="化"),
    *same("各种表", "各类表格", "五花八门的表"),
    *same("签字", "签名", "签个字"),
    *same("盖章", "盖公章", "盖个章"),
    *same("拍照", "拍照片", "拍个照", not_after="片"),
    *same("截图", "截屏", "截个图"),
    *same("台账", "台帐"),
    *same("材料", "资料"),
    *same("准备材料", "准备资料", "准备东西", "弄材料"),
    *same("写材料", "弄材料", "搞材料"),
    *same("留痕", "留痕迹", "留个痕", not_after="迹"),
    *same("痕迹管理", "留痕管理"),
    # inspections and appraisals
    *same("迎检", "迎接检查", "应付检查"),
    *same("检查太多", "检查太频繁", "查得太多", "来检查的太多", not_after="了"),
    *same("各种检查", "各类检查", "这检查那检查"),
    *same("督查检查", "检查督查"),
    *same("来检查", "下来检查", "来人检查"),
    *same("暗访", "不打招呼的检查"),
    *same("考核", "考评", not_after="评"),
    *one_way("排名", "排名次", not_after="次"),
    *same("打分", "评分"),
    # work chat groups and apps
    *same("工作群", "工作微信群", "微信工作群"),
    *one_way("微信群", "微信工作群", not_before="作"),
    *same("群太多", "群多得很", "群一大堆", not_after="了"),
    *one_way("群里", "群里头", not_after="头"),
    *same("政务APP", "政务app", "政务软件", "政务应用"),
    *one_way("签到打卡", "打卡"),
    *one_way("打卡", "签到打卡", not_before="到"),
    *one_way("接龙", "群接龙", not_before="群"),
    *same("回复收到", "回个收到"),
    *same("拉群", "建群", "拉个群"),
    *same("@所有人", "@全体成员", "艾特所有人"),
    # people and places
    *same("基层干部", "基层的干部", "下面的干部", "我们这些基层干部"),
    *one_way("基层", "我们基层", not_before="们"),
    *same("村干部", "村里的干部", "村干", not_before="驻包"),
    *same("乡镇干部", "镇上的干部", "乡镇工作人员"),
    *same("社区干部", "社区工作人员"),
    *one_way("上级", "上面", "上头"),
    *one_way("上头", "上级", "上面"),
    *one_way("领导", "领导们", not_after="们|干|班|小|组"),
    *same("群众", "老百姓", "老乡"),
    *same("我们", "咱们"),
    # burden and how it feels
    *same("减负", "减轻负担"),
    *same("形式主义", "搞形式"),
    *same("太多了", "太多", "一大堆", "多得要命"),
    *same("太长", "太久", "老长", not_after="了"),
    *same("太频繁", "太勤", "太密"),
    *same("太麻烦", "太折腾", "太繁琐"),
    *same("太累", "太辛苦"),
    *same("浪费时间", "耽误工夫", "耗时间"),
    *same("没时间", "没空", "抽不出时间"),
    *same("干实事", "干正事", "做实事"),
    *same("办事", "办事情", not_after="情|处|员"),
    *same("每天", "天天", "每日", not_before="今明昨后前每天", not_after="气"),
    *same("每周", "每个星期", "每个礼拜"),
    *same("每个月", "每月"),
    *same("经常", "老是", "总是", "动不动就", not_after="性"),
    *same("反复", "来回", "一遍遍"),
    *same("重复", "反复"),
    *same("非常", "特别", "相当"),
    *same("很多", "好多", "老多"),
    *same("现在", "如今", "眼下"),
    # what is done about it
    *same("减少", "压减", "少点", not_after="了|到|为|至"),
    *same("精简", "压缩"),
    *same("取消", "砍掉"),
    *same("简化", "精简", not_after="化"),
    *same("好做法", "好办法", "好经验", "好招"),
    *same("做法", "办法", "法子"),
    *same("例子", "案例", "实例"),
    *same("请教", "请问"),
    *same("各位", "大家", "各位同仁"),
    *same("谢谢", "多谢", "感谢"),
]

ASKS: list[Swap] = [
    *at_clause_end(
        "怎么办", "咋办", "咋整", "怎么整", "有啥招", "如何是好", "怎么破", "有啥办法", "有什么办法"
    ),
    *same("怎么", "咋"),
    *same("什么", "啥"),
    *one_way("如何", "怎么", "咋", not_after="是好"),
    *one_way("怎样", "怎么"),
    *same("怎么样", "咋样", "如何"),
    *same("能不能", "可不可以", "能否"),
    *same("有没有", "有无"),
    *same("是不是", "是否"),
    *same("为什么", "为啥"),
    *same("有哪些", "都有啥", "有什么"),
    *same("哪里", "哪儿", "什么地方"),
]


def pairs(swaps: list[Swap]) -> int:
    """How many word-to-word substitutions a table holds."""
    return sum(len(s.options) for s in swaps)
