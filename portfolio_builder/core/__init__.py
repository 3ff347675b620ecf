"""Headless domain library: storage, rules, import and export; never imports Qt."""
