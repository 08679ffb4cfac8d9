"""The parts of the fake Bot API server in fake_bot_api.py, one concern a module."""
