from .stories import StoryIndexPage, StoryPage, StoryPageTag
from .tips import StoryTip

__all__ = ["StoryIndexPage", "StoryPage", "StoryPageTag", "StoryTip"]
