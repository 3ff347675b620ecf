"""Small QPainter charts the dashboard is made of (PySide6-Essentials has no QtCharts)."""
