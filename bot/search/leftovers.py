"""What a pasted or forwarded message carries besides the question: links, @mentions, HTML
tags and entities, chat emoticon codes, when a chat line was sent and the files it names.

None of it says what is asked, yet read as text it would: `https://mp.weixin.qq.com` spells
微信 in pinyin, `@jianfu_bot` 减负, `&lt;b&gt;` leaves the letters lt and gt, and an emoticon
code ([捂脸], [旺柴]) is a word no fact knows. Dropped before the question is normalised.
"""

from __future__ import annotations

import html
import re

# Far beyond the normal form's own cap (normalize.MAX_INPUT_CHARS): a pasted document's
# start is all that is read, and these patterns then cost little however long the message.
SCANNED_CHARS = 1000
# A web address, with or without its scheme (www.baidu.com, mp.weixin.qq.com/s/Ab12, a.gov.cn).
_URL = re.compile(
    r"(?:https?://|www\.)[^\s\u3000-\u303f\uff01-\uff5e\u4e00-\u9fff]*"
    r"|(?<![a-z0-9.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|io|me)(?:\.cn)?"
    r"(?:/[^\s\u3000-\u303f\uff01-\uff5e\u4e00-\u9fff]*)?",
    re.IGNORECASE,
)
# An @mention: a Telegram username anywhere; any other name (@张三, @全体成员) only where a
# blank ends it, as chat apps insert one, so 张三群太多 typed straight on is not swallowed.
_MENTION = re.compile(r"[@＠](?:[A-Za-z][A-Za-z0-9_]{2,31}\b|[^\s@＠:：,，]{1,12}(?=[\s:：,，]))")
# HTML or XML tags left by a copy from a web page or an editor (<b>, </p>, <span style=…>).
_TAG = re.compile(r"<[^<>]{0,80}>")
# A chat app's emoticon code: a short name in square brackets ([捂脸], [OK], [破涕为笑]),
# not the text of a Markdown link ([这篇](https://…)).
_EMOTICON = re.compile(r"\[[\u4e00-\u9fffA-Za-z]{1,4}\](?![(（])")
# When a pasted chat line was sent (张三 10:30, 2024-05-06 09:15) and the files it names
# (IMG_20240506.jpg): read as counts, 10:30 would be 10 and 30 minutes, the article's figures.
_STAMP = re.compile(
    r"(?<![0-9])(?:[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?)"
    r"(?![0-9])"
    r"|[A-Za-z0-9_-]+\.(?:jpe?g|png|gif|heic|pdf|docx?|xlsx?|pptx?|wps|zip|rar|txt|mp4|mov|amr)\b",
    re.IGNORECASE,
)
# Characters that draw nothing: zero-width spaces and joiners, direction marks, soft hyphens,
# byte order marks. Typed or pasted inside a word (开\u200b会) they must not split it.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def without_invisible(text: str) -> str:
    """`text` without characters that draw nothing."""
    return _INVISIBLE.sub("", text)


def without_leftovers(text: str) -> str:
    """`text` without the links, mentions, tags and emoticon codes around the question."""
    text = without_invisible(text[:SCANNED_CHARS])
    if "&" in text:
        text = html.unescape(text)  # &lt;b&gt; is a tag, &nbsp; a blank, &amp; an ampersand
    text = _TAG.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = _STAMP.sub(" ", text)
    return _EMOTICON.sub(" ", text)
