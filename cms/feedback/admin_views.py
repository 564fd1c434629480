"""The moderators' record of feedback activity in the admin."""
