"""Telegram front end: the Application, its handlers and flow control. It talks to the
answer service only."""
