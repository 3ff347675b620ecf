"""Sample portfolios of fictional settings, one per shipped scheme, for people to explore and for the screenshots.

May import any core package.
"""
