"""matplotlib Figure builders: ``draw_<chart>(figure_or_ax, data)`` and ``<chart>_figure(data)``.

No pyplot and no Qt: the Qt panel draws into its canvas's figure, the exports
and the report call the ``*_figure`` builders.
"""
