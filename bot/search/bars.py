"""How far below the suggest bar an answer may go, by what else the question shows.

Each bar is a share of `Thresholds.suggest`: naming a topic, a person or a place, or saying
which of a topic's facts a burden is, is evidence beside the score.
"""

from __future__ import annotations

TOPIC_BAR = 0.85  # a question naming a topic asks for its facts: a lower bar
ENTITY_BAR = 0.75  # naming a person or place in the facts is itself evidence: a lower bar
PART_BAR = 0.6  # a part of a several-at-once question names its topic: a lower bar still
BURDEN_BAR = 0.6  # a burden told that says which of its topic's facts it is: a lower bar
