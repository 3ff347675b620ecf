"""The planning page's panels: priorities, action plan, cover sheets, and the case study and three-year plan."""
