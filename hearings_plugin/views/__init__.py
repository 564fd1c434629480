"""Thin views of the hearings: parse input, call a selector or an action, render."""
