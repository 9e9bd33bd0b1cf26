from .stories import StoryIndexPage, StoryPage
from .tips import StoryTip
from .topics import Topic

__all__ = ["StoryIndexPage", "StoryPage", "StoryTip", "Topic"]
