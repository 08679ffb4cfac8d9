"""A place near the asker's, asked about as somewhere else: 隔壁乡镇, 邻县, 周边县市, 附近的村.

Officials ask what the township next door does (隔壁乡镇是怎么减少迎检次数的) as they ask what
other townships do (别的乡镇): no place the facts name, and no stranger place either, only
"elsewhere". Said as 别的 + the kind of place, the question is read the way 别的乡镇 is.
"""

from __future__ import annotations

import re

# Near, around, next door, neighbouring: before a kind of place only (隔壁办公室 stays).
_NEAR = re.compile(
    r"(?:隔壁|邻近|临近|相邻|周边|周围|附近|邻)的?"
    r"(?=乡镇|乡|镇|县市|县区|县|市|区|街道|社区|村|地区|省)"
)


def as_elsewhere(text: str) -> str:
    """`text` with each nearby place said as another place (隔壁乡镇 → 别的乡镇)."""
    return _NEAR.sub("别的", text)
