"""What wraps a question without being asked: a forwarding mark, the asker introducing
themselves, whom they greet, spoken filler.

Applied to the raw question before it is normalised; a clause is dropped only when something
else is asked (a message that is all introduction stays as typed).
"""

from __future__ import annotations

import re

from bot.search.clauseends import ASKS, BLANKS, DOT, EMOJI, PAUSES, ClauseSplitter
from bot.search.story import asks_something

# A clause introducing the asker (我是村里的扶贫专干, 本人是社区书记, 我在街道工作三年了, 作为
# 一名驻村干部) says who asks, not what: its words (扶贫专干, 街道) would pull their own facts.
# An emoji ends a clause as a full stop does (晚上好呀🌙我在乡里干了三年了).
_CLAUSES = ClauseSplitter(PAUSES, DOT, ASKS, BLANKS, EMOJI)
_NOT_IN_WORDS = re.compile(r"[\W_]+")  # what is left of a clause once its words are read
# 本人在乡镇扶贫办, 我们是个小乡镇, 社区干部一名, 刚入职的选调生一枚: where they sit, said bare.
_WORKPLACE = r"(?:乡|镇|村|街道|社区|县|市|区|局|办|站|所|中心|单位|部门|基层|一线)(?:里|上)?"
# 本人白沙乡党政办的, 本人南岭村村支书: who they are, said bare after 本人.
_ROLE = r"(?:干部|员|书记|支书|主任|文书|村官|专干|工作者|选调生|的)"
_SELF_INTRO = re.compile(
    r"^(?:(?:我|本人|俺|小弟|在下)(?:是|系)(?!说|想|问)"
    # 我在准备关于工作群的材料 is about work groups: 工作群, 工作会 are no place of work.
    r"|(?:我|本人|俺)在.{1,12}(?:工作(?![群会组量])|上班|任职|干了|待了|当|担任)"
    rf"|本人.{{0,12}}{_ROLE}$"
    rf"|(?:我|本人|俺)们?(?:在|是)(?:个|一个)?.{{0,10}}{_WORKPLACE}的?$"
    r"|.{1,12}(?:一名|一枚)$"
    r"|作为(?:一名|一个)?.{1,12}$)"
)


# A forwarded or relayed message (【转】, 转发一条：, //转发自县委办：, 同事转给我的问题：), a forum
# tag (【求助】, 【急】) or a reply's address (回复@张三：): where the ask came from, not what it
# asks; 转 and 转发 are the facts' words for a notice passed from group to group.
_FORWARDED = re.compile(
    r"^\s*(?:[【\[（(]\s*(?:转发|转载|转|求助|提问|请教|咨询|急|讨论)\s*[】\]）)]\s*[:：]?"
    r"|(?://\s*)?(?:转发|转载|转)(?:一条|一下|一个|自[^:：，,。]{0,12})?\s*[:：]"
    r"|回复\s*@[^:：\s]{1,20}\s*[:：]"
    r"|[^:：，,。！!？?]{0,10}(?:转给我|转来的|帮.{0,4}问|替.{0,4}问)[^:：，,。！!？?]{0,6}[:：])\s*"
)


# A clause that only greets whom it asks (尊敬的领导您好, 王书记好, 张主任早): their title is
# no subject, and 书记, 主任 would point at people in the facts.
_ADDRESS = re.compile(
    r"^(?:尊敬的)?(?:各位)?[\u4e00-\u9fff]{0,3}?(?:领导|书记|主任|老师|局长|镇长|乡长|县长|科长"
    r"|部长|站长|所长|同志|前辈|专家|大佬|同事|同仁)们?(?:您好|你好|好|早|早上好|上午好|下午好|晚上好)?$"
)


# A clause that only greets (哈喽, 大家好, 在吗, 打扰一下, 打扰大家休息了, 兄弟们): nobody is
# named in it, and 哈喽 before 街道 is no place called 哈喽街道.
_HELLO = re.compile(
    r"^(?:哈喽|哈啰|hello|hi|嗨|你好|您好|大家好|各位好|各位|大家|在吗|在不在|打扰一下|打扰了|打扰"
    r"|兄弟们|姐妹们|兄弟姐妹们|朋友们|家人们|群友们|各位群友|群友"
    # an apology for asking (不好意思又来问了): 又 there is no burden of the facts
    r"|不好意思(?:又来(?:问|打扰|请教)了?)?|又来(?:问|打扰|请教)了"
    # sorry to disturb your rest (打扰大家休息了, 打扰您休息): politeness, no rest day asked of
    r"|打扰(?:大家|各位|您|你|领导们?)?休息了?"
    r"|早上好|上午好|下午好|晚上好|早安|晚安)+好?(?:呀|啊|哈|哦|呢)*$",
    re.IGNORECASE,
)


# The asker's own presence in the group they write to (好久没在群里冒泡了, 潜水很久了, 第一次
# 在群里发言, 出来冒个泡): the group is where the message is posted, not a work group asked
# about; 群 there would pull the work-group facts over the meetings or forms asked about.
_IN_THE_GROUP = re.compile(
    r"^(?:我|本人|俺)?(?:也|都|一直|平时)?(?:好久|很久|好长时间|很长时间|好几个月|第一次|头一次|难得|出来)?"
    r"(?:都)?(?:没|没有|不)?(?:在|来|到)?(?:咱们?|我们|这个|本)?(?:群里|群)?"
    r"(?:冒个?泡|冒泡|潜水|潜了?(?:好久|很久)|(?<=群里)(?:发言|说话|露面|露脸))"
    r"(?:了|过|啊|哈|呀|一下|好久|很久|好长时间|很长时间|这么久|了好久|了很久)*$"
)


def without_asides(text: str) -> str:
    """`text` without what wraps the ask: a forwarding mark, clauses introducing the asker."""
    plain = _BODY_COMPLEMENT.sub("", _FORWARDED.sub("", text, count=1))
    return without_self_introduction(plain)


def without_self_introduction(text: str) -> str:
    """`text` without the clauses that introduce the asker, greet whom they ask, sigh, or
    only fill a pause, and without the filler that opens a clause, when something else is
    asked."""
    as_typed = _CLAUSES.as_typed(text)
    clauses = [_without_opening_filler(c) for c in as_typed]
    bare = [_NOT_IN_WORDS.sub("", c) for c in clauses]
    asides = [_is_aside(b) for b in bare]  # each clause tried once, for both tests below
    # 人少事多，怎么办 asks about the workload itself: it is no setting when nothing else is said.
    setting = any(
        not (aside or _BARE_ASK.match(b) or _WORKLOAD.match(b))
        for b, aside in zip(bare, asides, strict=True)
        if _WORDS.search(b)
    )
    kept = [
        c for c, b, aside in zip(clauses, bare, asides, strict=True)
        if not (aside or (setting and _WORKLOAD.match(b)))
    ]  # fmt: skip
    # 祝大家工作顺利 is dropped only beside a question: a message of wishes and news asks nothing.
    # Wishes hold 祝 and thanks 谢: a clause holding neither is no wish, and is not searched.
    if any(asks_something(c) for c in kept):
        kept = [
            c
            for c in kept
            if not (("祝" in c or "谢" in c) and _WISHES.match(_NOT_IN_WORDS.sub("", c)))
        ]
    if kept == as_typed or not any(_WORDS.search(c) for c in kept):
        return text
    return "".join(kept)


_WORDS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffa-zA-Z]")  # pinyin asks too
# A clause of spoken filler only (emm 那个 我们单位…): 那个 there points at nothing.
_FILLER = re.compile(r"^(?:那个|这个|就是|那啥|那什么|嗯+|呃+|额+|emm+|em)+$", re.IGNORECASE)
# Filler dictated in front of the ask (那个嗯就是说会太多, 呃那个扶贫检查, 就是那个僵尸群): a
# sound (嗯, 呃), 就是说 or 然后就是, or two fillers running; a lone 那个 or 就是 may point at
# something (那个会推到下周了) and stays.
_SOUND = r"(?:嗯+|呃+|额+|emm+)"
_FILLER_WORD = rf"(?:{_SOUND}|那个|就是说|就是|然后)"
_OPENING_FILLER = re.compile(
    rf"^\s*(?:{_FILLER_WORD}*(?:{_SOUND}|就是说|然后就是){_FILLER_WORD}*"
    rf"|(?:那个|就是){_FILLER_WORD}+)(?=[^\W\d_])",
    re.IGNORECASE,
)
# A part of the body and what the work did to it (眼睛都花了, 腿都跑细了, 头都晕了).
_BODY = r"(?:眼睛|眼|头|脑袋|脑壳|腿|脚|手|腰|脖子|嗓子|耳朵|屁股)"
_BODY_STATE = r"(?:跑|坐|站|写|看|听|熬)?(?:花|酸|麻|软|疼|痛|晕|僵|哑|大|细|断|肿|抽筋)"
# A clause that only sighs or says how the asker feels (唉, 烦死了, 真的要崩溃了, 头都大了):
# 崩溃 there is no system that crashed, and the feeling names no burden of its own.
# Said of the days it lasts (最近真是崩溃, 这两天烦死了, 今天累死了): still only a feeling.
_FEELING = re.compile(
    r"^(?:唉|哎|哎呀|哎哟|我)*(?:最近|这两天|这几天|这阵子|这段时间|今天|这周|每天|天天)?"
    r"(?:真的|真是|实在|简直|快|都|要|人|心态|我都|整个人)*"
    r"(?:烦死了?|累死了?|要?崩溃了?|要?疯了|服了|无语了?|心累|太难了|好难|头都大了|头大"
    r"|头疼|救命|哭了|醉了|麻了|裂开了?|崩了|周一综合症(?:又|就)?犯了"
    r"|(?:吃饭|睡觉|吃饭睡觉|吃不好睡不好)都?不(?:安生|安稳|踏实|香))(?:啊|呀|啦|了|哈|吧|啊啊)*$"
    r"|^[唉哎]+$"
)
# How the body took the work, said after the verb (翻消息翻得眼睛都花了, 填表填得手都酸了): the
# complement tells how hard, not what; the verb before it stays.
_BODY_COMPLEMENT = re.compile(rf"得(?:我)?{_BODY}都(?:快|要)?{_BODY_STATE}了")
# Someone else sends the question (我们村书记让我问问, 领导叫我问一下, 同事托我打听): who wants
# to know, not what; 书记 there is no person of the facts.
_RELAY = re.compile(
    r"^.{0,10}(?:让|叫|托|要|请)我(?:来|帮忙|帮他|帮她)?(?:问问|问一下|问下|问一问|问|打听一下|打听|咨询一下)"
    r"(?:看|一下)?$"
)
# Good wishes and thanks to the bot that close or open a question (最后祝工作顺利, 首先感谢这个
# 平台): 工作 and 平台 there are no work group and no data platform.
_WISHES = re.compile(
    r"^(?:首先|最后|另外|在此|先)?(?:预?祝|顺祝)(?:您|你|大家|各位|老师们?|领导们?)?"
    r"(?:工作顺利|万事如意|身体健康|一切顺利|一切都好|生活愉快|周末愉快|节日快乐|天天开心|事事顺心|好运)+"
    r"|^(?:首先|最后|在此|先)?(?:感谢|谢谢|多谢)(?:这个|本|咱们?的?)?(?:平台|机器人|助手|小助手|小程序)$"
)
# Just arrived (我刚调过来没多久, 刚来不久啥也不懂, 刚到岗): who asks, and 多久 asks nothing.
# Where to (刚毕业来街道, 刚到乡里工作) and not knowing the ropes said alone (啥都不懂) tell the
# same: plain meaning; tune fix dev-asks5, the same excuse in dev-chatty6, dev-chatty7, dev-chatty9.
_NOT_KNOWING = r"(?:啥也不懂|啥都不懂|什么都不懂|什么也不懂|不太懂|不懂)"
_NEWCOMER = re.compile(
    r"^(?:(?:我|本人|俺)?(?:也|才)?刚(?:调过来|调来|过来|来|到|入职|上岗|到岗|到任|参加工作|毕业|分配|接手)"
    r"(?:(?:来|到|分到|分配到)?(?:乡里|村里|镇里|镇上|县里|街道|社区|单位|乡政府|镇政府|这边|这里))?"
    r"(?:工作|上班)?(?:没多久|不久|没几天|几天|一个月|半年|的)?(?:工作|上班)?"
    rf"{_NOT_KNOWING}?|(?:我|俺)?还?{_NOT_KNOWING})$"
)

# How the message was typed, with an apology (语音输入的不好意思, 语音转的文字有错字见谅): no
# voice or input tool asked about.
_DICTATED = re.compile(
    r"^(?:是|用的)?语音(?:输入|转文字|转的文字|转的|打字|识别)的?(?:可能)?(?:有错别?字)?"
    r"(?:不好意思|见谅|勿怪|抱歉|请见谅|莫怪)?(?:啊|哈)*$"
)


# How busy the asker's place is, said in general (我们镇人少事多, 年底了事情特别多, 这边活多):
# the setting of the ask, not a staffing question, once something else is asked.
_WORKLOAD = re.compile(
    r"^(?:我们|咱们|俺们|我)?(?:这边|这儿|这里|[\u4e00-\u9fff]{0,4}?(?:镇|乡|村|街道|社区|单位))?"
    r"(?:最近|这段时间|这阵子|这两天|年底了?|月底了?|年初了?)?(?:本来就|本来|一直|实在|真的)?"
    r"(?:人少事多|人手少|事情?(?:特别|太|很|超|贼|挺)?多|事儿多|活多|任务重|(?:特别|太|很|超)?忙)"
    r"(?:了|啊|呀|得很)?$"
)
_BARE_ASK = re.compile(
    r"^(?:那|那么)?(?:怎么办|咋办|咋整|怎么弄|咋弄|怎么搞|有啥办法|有什么办法|有没有办法|怎么减负|如何减负"
    r"|咋减负|怎么解决|咋解决)(?:呢|啊|呀)?$"
)
# 那个 right after the ask (想问一下那个开会做笔记的事, 请问那个群的事) is a pause, not one
# meeting pointed at.
_ASKED_THEN_FILLER = re.compile(r"(问一下|问一哈|问下|请问|想问|问问|请教一下|咨询一下)那个(?!人)")


def is_aside(text: str) -> bool:
    """The text only wraps an ask (我刚调过来没多久, 年底了事情特别多, 群里的大佬们): no item of
    a message's own."""
    bare = _NOT_IN_WORDS.sub("", _without_opening_filler(text))
    return bool(bare) and (_is_aside(bare) or _WORKLOAD.match(bare) is not None)


def _without_opening_filler(clause: str) -> str:
    clause = _OPENING_FILLER.sub("", clause, count=1)
    # a clause without 那个 has no filler after its ask: the search is spared
    return _ASKED_THEN_FILLER.sub(r"\1", clause) if "那个" in clause else clause


# Thanks for being added to the group the message is posted in (感谢群主拉我进群, 谢谢王书记
# 邀请我进来, 新人进群报到): a greeting, not a work group asked about; 群 and 群主 there would pull
# the work-group facts over the meetings asked about (感谢群主拉我进群！我们镇会多，有啥经验).
_JOINED_GROUP = re.compile(
    r"^(?:(?:感谢|谢谢|多谢)[\u4e00-\u9fff]{0,5}?(?:拉|邀请|邀|带|加)我(?:进|入|加入|进入)?"
    r"(?:群|本群|这个群|咱们?群|我们群|进来|群里|大群|这个大家庭)"
    r"|(?:我是)?(?:新人|新来的)(?:刚|才)?(?:进群|入群|加群|报到|报道)+)"
    r"(?:了|啦|哈|呀|啊)*$"
)


# Every kind of clause that wraps the ask, tried in turn on a whole clause.
_ASIDES = (
    _SELF_INTRO, _ADDRESS, _HELLO, _FILLER, _FEELING, _NEWCOMER, _RELAY, _IN_THE_GROUP,
    _JOINED_GROUP, _DICTATED,
)  # fmt: skip


# The kinds as one alternation, each under its own flags (hello and filler ignore case): one
# search at the clause's start, not nine, finds whether any kind matches it whole.
_ANY_ASIDE = re.compile(
    "|".join(
        f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})" for p in _ASIDES
    )
)


def _is_aside(clause: str) -> bool:
    if _ANY_ASIDE.match(clause) is None:
        return False
    # Dictated with no stop, an introduction runs on into the ask (我是村里的文书啊就是现在表格
    # 太多了…一周填几张表啊有没有规定): a clause that asks is no mere introduction.
    return _SELF_INTRO.match(clause) is None or not asks_something(clause)
