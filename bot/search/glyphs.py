"""Characters that look alike: the slips of shape-based input (五笔, handwriting) and of a
quick eye, which no reading by sound explains (检杳 for 检查, 签宇 for 签字, 精筒 for 精简).

The table is general Chinese, not this knowledge base's: the speller uses it only to read an
unknown stretch as the one known word it becomes with one character swapped for its look-alike.
"""

from __future__ import annotations

from functools import lru_cache

# Each group holds characters commonly mistaken for one another by shape.
_GROUPS = """
查杳 字宇 简筒 件仵 顶项顷 检捡俭验 卡卞 群郡 减咸碱 负页贝 议仪 表衰袁 格恪络
模摸膜漠 板扳版 签笠 拍柏泊 照昭 填镇慎 数敖 据锯剧 平乎 台召 访仿纺坊防 暗晴喑
纪记 委季萎 牵牢 精睛情清请 僵疆缰 尸户尺 秀透诱 截戡载栽裁 图囹 打扣 留溜榴 痕狠恨根
散撒敢 整螯 开井 例列 录彔绿碌 短矩 时吋 发友拔 言信 次欠决 周同 迎仰抑 材村 料科
参叁惨 手毛 机杌 轻经径 置直植 干千于 部陪剖 门们闪问 识织职帜 场汤扬杨 代伐 替潜
评坪抨 价份阶 工土士 作昨怎 扶伏抉 贫贪盆 专传砖 报服 任仕住 往注柱 主王玉 题提堤
领邻铃岭 导异 话活括 长张 晒洒酒 绩织积 微徽 阅悦说 读续 刷制 删册 消削悄 息熄 通道
要耍 严产 统练绕 重童 复夏 确碓 认议 惠慧 民氏 资姿咨 金全 组阻祖粗纽 县具且 级极吸
医区 疗疔 搬般 迁迂 安按案 持待特侍 分兮 头买 避壁璧 免兔 基墓幕慕 层屈居 天夭夫
至到 少步 最量 多夕 废度 新亲 写与 效郊校 果课棵颗 更吏 盯钉 账帐胀涨 实买 调凋
优忧扰 化花华 收牧枚 集焦 域或 式试拭 联朕 易昜 地他池驰 建健键 设没 各名 脱说
攻功 坚竖 指措 挥辉 期朝 前煎 改攻政 再冉 落洛络 展屐 景影 视观现 频颈 际标 突空
出击 滥蓝篮 针钟 备各 受爱 注住 措错 治冶 僚缭撩 港巷 城诚 街衔 当挡 概慨 用甩
办为 线钱践 阶阵 目日自白 己已巳 束来 类粪 室窒 带常 困囚 形刑 官宫 其具 变亦
"""


@lru_cache(maxsize=1)
def _alike() -> dict[str, frozenset[str]]:
    alike: dict[str, set[str]] = {}
    for group in _GROUPS.split():
        for ch in group:
            alike.setdefault(ch, set()).update(c for c in group if c != ch)
    return {ch: frozenset(others) for ch, others in alike.items() if others}


def look_alikes(ch: str) -> frozenset[str]:
    """The characters `ch` is commonly mistaken for by shape (杳: 查)."""
    return _alike().get(ch, frozenset())


def reshaped(text: str) -> list[str]:
    """`text` with one character swapped for a look-alike, every way (检杳: 检查, 捡杳 …)."""
    return [
        text[:i] + other + text[i + 1 :]
        for i, ch in enumerate(text)
        for other in sorted(look_alikes(ch))
    ]
