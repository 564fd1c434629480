"""Admin of following and of residents' topic proposals."""
