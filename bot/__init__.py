"""jianfu-bot (减负助手): measures that lighten officials' load, with examples and sources."""

__version__ = "0.1.0"
