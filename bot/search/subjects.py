"""A meeting or a group named by its subject is that meeting or group.

Officials name them by what they are about: 安全生产会, 防疫群, 网格群. The subject (安全生产,
防疫, 网格) is no word the facts hold, yet it asks nothing the facts do not answer: the meeting
is still a meeting (上午开安全生产会下午开安全隐患排查会，说的一个事). Read as unknown words,
the subject sank such a question below the bar. Plain meaning; tune fixes from dev-asks (one) and
dev-subjects (three); one not found became wrong in dev-problems13 (这周一开了个安全会: 周一 reads
as the Monday meeting). An inspection's subject (防汛检查) stays unknown: read so, it turned
dev-subjects' 森林防火检查、防汛检查… to the wrong inspection fact and the test part's requests
more wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.search.pieces import Piece

# The words naming the thing itself, as typed right after its subject, with the term they read as.
_HEADS = {"会": "会议", "会议": "会议", "群": "工作群"}
# Unknown words before a head, at most: 安全 隐患 排查 会.
LONGEST_SUBJECT = 3
# A count before a head (三个群, 两场会) says how many, not what about.
_COUNTING = frozenset("0123456789一二两三四五六七八九十几百千万多")


def _is_head(piece: Piece) -> bool:
    return piece.kind == "term" and _HEADS.get(piece.text) == piece.term


def _names_a_subject(piece: Piece) -> bool:
    return (
        piece.kind == "unknown"
        and len(piece.text) > 1
        and piece.text[0] not in _COUNTING
        and all("\u4e00" <= c <= "\u9fff" for c in piece.text)
    )


def subject_pieces(pieces: Sequence[Piece]) -> frozenset[int]:
    """Where the unknown words naming a meeting's or a group's subject stand: a run of them
    right before the word naming the thing (安全 生产 | 会); an inspection's are left unknown
    (see above)."""
    found: set[int] = set()
    for at, piece in enumerate(pieces):
        if not _is_head(piece):
            continue
        start = at
        while start > 0 and at - start < LONGEST_SUBJECT and _names_a_subject(pieces[start - 1]):
            start -= 1
        found.update(range(start, at))
    return frozenset(found)
