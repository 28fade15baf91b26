"""matplotlib Figure builders: ``draw_<chart>(ax or figure, data)``; no pyplot and no Qt.

The Qt panel draws into its canvas's figure; exports and the report build standalone
figures with `journal.charts.catalog.chart_figure` (and `trends.trends_figure`).
"""
